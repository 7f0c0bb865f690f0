// npm test: unit, integration and end-to-end tests in turn, each timed; exits non-zero if any level fails.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

type Level = { name: string; command: string[]; env?: Record<string, string>; report: string; count: (report: string) => Counts };
type Counts = { passed: number; failed: number; skipped: number };

const REPORTS = path.join("tmp", "test-reports");

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTests ?? 0), skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const levels: Level[] = [
  { name: "unit", command: ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"], report: "unit.json", count: vitestCounts },
  { name: "integration", command: ["node_modules/vitest/vitest.mjs", "run", "--project", "integration"], report: "integration.json", count: vitestCounts },
  { name: "e2e", command: ["node_modules/tsx/dist/cli.mjs", "scripts/test-e2e.ts"], report: "e2e.json", count: playwrightCounts },
];

function run(level: Level): Promise<number> {
  const report = path.join(REPORTS, level.report);
  const vitestReport = level.name === "e2e" ? [] : ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...level.command, ...vitestReport], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: path.resolve(report) },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  const only = process.argv[2];
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const summary: string[] = [];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let failedLevels = 0;
  for (const level of levels.filter((candidate) => !only || candidate.name === only)) {
    console.log(`\n━━ ${level.name} tests ━━`);
    const started = performance.now();
    const code = await run(level);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const file = path.join(REPORTS, level.report);
    const counts = existsSync(file) ? level.count(file) : { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash before or after the tests ran
    if (code !== 0) failedLevels += 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    summary.push(`${level.name.padEnd(12)} ${String(counts.passed).padStart(4)} passed, ${counts.failed} failed, ${counts.skipped} skipped  in ${seconds} s${code !== 0 ? "  (exit code " + code + ")" : ""}`);
  }
  console.log("\n━━ summary ━━");
  for (const line of summary) console.log(line);
  console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(failedLevels || total.failed ? 1 : 0);
}

main();
