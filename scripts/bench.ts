// npm run bench: prints figures (nothing here is asserted). Uses TEST_DATABASE_URL/DATABASE_URL's server for a
// scratch database when set, else a throw-away embedded PostgreSQL 15; with a server named, the reading page is
// also measured on a throw-away embedded server, side by side.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { exitWithError, step } from "./lib/fail";
import { freePort } from "./lib/free-port";
import { loadDotEnv } from "./lib/load-dotenv";
import { loadTest, type LoadResult } from "./lib/load-test";
import { measurePageJavaScript } from "./lib/measure-page-javascript";
import { signInOverHttp } from "./lib/sign-in-for-bench";
import { measureHashing } from "../lib/auth/password/measure-hashing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo/demo-accounts";
import { ensureProductionBuild } from "./lib/run-next-build";
import { serveForBench, stopChild } from "./lib/serve-for-bench";
import { createScratchDatabase } from "./lib/scratch-database";
import { seedDatabase } from "./lib/seed";
import { waitForHealthy } from "./lib/wait-for-healthy";
import { generateBenchNotes } from "./lib/generate-bench-notes";
import { createPrismaClient, type PrismaClient, MAINTENANCE_TIMEOUTS } from "../lib/db/create-prisma-client";
import { rerenderNoteBodies } from "../lib/markdown/rerender-note-bodies";
import { systemClock } from "../lib/auth/clock";
import { createSession } from "../lib/auth/sessions";
import { benchReadingAtScale } from "./lib/bench-reading-at-scale";
import { benchStatements } from "./lib/bench-statements";
import { benchNotes } from "./lib/bench-notes";
import { benchReviewQueue } from "./lib/bench-review-queue";
import { benchTeaching } from "./lib/bench-teaching";
import { benchW3c } from "./lib/bench-w3c";
import { benchImports } from "./lib/bench-imports";
import { benchTei } from "./lib/bench-tei";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PAGE = "/letters/reply-to-stalin";

/** Cold `npm start` (build present) until the reading page first answers 200; SIGINT stops it as Ctrl-C would. */
async function timeStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    stdio: "ignore",
    env: { ...process.env, PORT: String(port), ...env },
  });
  try {
    await waitForHealthy(`http://127.0.0.1:${port}${PAGE}`, 120_000);
    return (performance.now() - started) / 1000;
  } finally {
    await stopChild(child, "SIGINT");
  }
}

/**
 * `npm start` on the embedded server, in a data folder of its own (never the user's .data/): the first start
 * (initdb, migrations, seed) and a second one on the same folder (the server restarted, data kept).
 */
async function measureEmbeddedStarts(): Promise<{ first: number; again: number }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-start-"));
  chmodSync(folder, 0o755);
  try {
    const env = { DATABASE_URL: "", MARGINALIA_DATA_DIR: folder };
    return { first: await timeStart(env), again: await timeStart(env) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The reading page, anonymous, with the demo data, on a throw-away embedded server (to set beside the named server). */
async function readingPageOnEmbedded(): Promise<LoadResult> {
  const database = await createScratchDatabase("mbench_embedded");
  try {
    await seedDatabase(database.url, { demo: true });
    const app = await serveForBench(database.url);
    try {
      return await loadTest("reading page, embedded PostgreSQL", `${app.base}${PAGE}`, SECONDS);
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}

async function withPrisma<T>(url: string, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient({ connectionString: url, poolMax: 2, ...MAINTENANCE_TIMEOUTS });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

function row(result: LoadResult) {
  return `${result.name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p95 ${result.p95.toFixed(1).padStart(6)} ms${result.errors || result.non2xx ? `   errors ${result.errors}, non-2xx ${result.non2xx}` : ""}`;
}

async function main() {
  loadDotEnv();
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  step((await ensureProductionBuild()) ? "bench: production build done" : "bench: production build is current");
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const database = await createScratchDatabase("mbench", serverUrl);
  step(`bench: ${database.description}`);
  const children: ChildProcess[] = [];
  try {
    await seedDatabase(database.url, { demo: true });

    const starts = await measureEmbeddedStarts();
    const namedServerStart = serverUrl ? await timeStart({ DATABASE_URL: database.url }) : null;

    const reportDir = path.resolve("tmp", "bench");
    mkdirSync(reportDir, { recursive: true });
    const pageFile = path.join(reportDir, "reading-page.html");
    const sqlFile = path.join(reportDir, "notes-sql.json");
    const app = await serveForBench(database.url, { BENCH_PAGE_FILE: pageFile, BENCH_SQL_FILE: sqlFile });
    children.push(app.child);
    const base = app.base;

    const html = Buffer.from(await (await fetch(`${base}${PAGE}`)).arrayBuffer());
    writeFileSync(pageFile, html);

    // A bare Node http server in its own process, sending the same bytes.
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      [
        "-e",
        `const fs=require("fs");const b=fs.readFileSync(${JSON.stringify(pageFile)});require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/html; charset=utf-8"});r.end(b)}).listen(${barePort},"127.0.0.1",()=>console.log("up"))`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    children.push(bare);
    await new Promise((resolve) => bare.stdout!.once("data", resolve));

    step(`bench: load tests, ${SECONDS} s each, 10 connections`);
    const page = await loadTest(`reading page ${PAGE}`, `${base}${PAGE}`, SECONDS);
    const minimal = await loadTest("same bytes, same app, no database", `${base}/bench/page-bytes`, SECONDS);
    const plain = await loadTest("same bytes, bare node:http", `http://127.0.0.1:${barePort}/`, SECONDS);

    const javascript = await measurePageJavaScript(`${base}${PAGE}`, chromium);

    // Accounts: argon2id cost, a whole password sign-in over HTTP, and what checking the session adds per request.
    const hashing = await measureHashing(20);
    const signIns: number[] = [];
    let cookie = "";
    for (let i = 0; i < 10; i += 1) {
      const result = await signInOverHttp(base, DEMO_ACCOUNTS[i % 3].email, DEMO_PASSWORD);
      signIns.push(result.ms);
      cookie = result.cookie;
    }
    signIns.sort((a, b) => a - b);
    const signedIn = await loadTest(`reading page, signed in`, `${base}${PAGE}`, SECONDS, { cookie });
    const health = await loadTest("GET /api/health", `${base}/api/health`, SECONDS);
    const statements = await withPrisma(database.url, async (prisma) => {
      const sessionOf = async (email: string) => {
        const user = await prisma.user.findUniqueOrThrow({ where: { email } });
        return (await createSession(prisma, { userId: user.id, method: "password", userAgent: "bench" }, systemClock)).id;
      };
      return benchStatements(database.url, { reader: await sessionOf("researcher@demo.marginalia"), reviewer: await sessionOf("reviewer@demo.marginalia") });
    });
    // The same page on the embedded server, while nothing else runs (the named server's app is idle meanwhile).
    const embeddedPage = serverUrl ? await readingPageOnEmbedded() : null;
    // The reading page with about 10,000 notes visible, on a scratch database of its own.
    const atScale = await benchReadingAtScale(serverUrl, SECONDS, row);

    // Issue #4: the same server with 100,000 notes and replies on the letter.
    const generateStarted = performance.now();
    const generated = await generateBenchNotes(database.url);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    // As npm start and db:migrate do: every note's HTML stored before pages read it.
    const renderStarted = performance.now();
    const rendered = await withPrisma(database.url, rerenderNoteBodies);
    step(`bench: stored the HTML of ${rendered} generated notes in ${((performance.now() - renderStarted) / 1000).toFixed(1)} s`);
    step(`bench: generated ${generated.notes} notes and ${generated.replies} replies in ${generateSeconds.toFixed(1)} s`);
    const notesLines = await benchNotes(base, database.url, generated, chromium, sqlFile);
    // Issue #5, after the notes figures (it adds 15,000 public notes): the review queue at 10,000 pending, 50,000 flags.
    const reviewer = await signInOverHttp(base, "reviewer@demo.marginalia", DEMO_PASSWORD);
    const queueLines = await benchReviewQueue(base, database.url, reviewer.cookie);
    // Issue #6: the teacher's table for a class of 300 students with 30 notes each.
    const teachingLines = await benchTeaching(base, database.url);
    // Issue #14, last (it rewrites authorship and visibility of the generated notes): the W3C container and exports.
    const w3cLines = await benchW3c(base, database.url, generated, app.child.pid!);
    // Issue #16, after the W3C figures: the TEI with 10,000 public annotations (it rewrites visibility again).
    const teiLines = await benchTei(base, database.url, app.child.pid!);
    // Issue #15: preview and import of 10,000 annotations.
    const importLines = await benchImports(base, database.url, app.child.pid!);

    console.log("\n━━ Marginalia benchmark ━━");
    console.log(`database: ${serverUrl ? `PostgreSQL server ${new URL(serverUrl).host}` : "throw-away embedded PostgreSQL 15"}; page size ${(html.length / 1024).toFixed(1)} KiB of HTML`);
    console.log(row(page));
    console.log(row(minimal));
    console.log(row(plain));
    console.log(`ratio reading page / minimal route: ${(page.requestsPerSecond / minimal.requestsPerSecond).toFixed(2)}  (target ≥ 0.70)`);
    console.log(`ratio reading page / bare node:http: ${(page.requestsPerSecond / plain.requestsPerSecond).toFixed(2)}`);
    console.log(`targets: ≥ 300 req/s → ${page.requestsPerSecond >= 300 ? "met" : "NOT met"}; p95 < 100 ms → ${page.p95 < 100 ? "met" : "NOT met"}`);
    console.log(
      `JavaScript on a cold load: ${javascript.files} files, ${(javascript.gzippedBytes / 1024).toFixed(1)} KiB gzipped (${(javascript.transferredBytes / 1024).toFixed(1)} KiB as transferred, ${(javascript.decodedBytes / 1024).toFixed(1)} KiB decoded)  (target ≤ 150 KB)`,
    );
    console.log(row(signedIn));
    console.log(`per-request session check (signed in − anonymous): p50 ${(signedIn.p50 - page.p50).toFixed(1)} ms, p95 ${(signedIn.p95 - page.p95).toFixed(1)} ms`);
    console.log(row(health));
    console.log("SQL statements per request (counted at the connection; session check and request context included):");
    for (const line of statements) console.log(line);
    console.log("reading page with about 10,000 visible notes:");
    for (const line of atScale) console.log(`  ${line}`);
    console.log(`argon2id (m=19 MiB, t=2, p=1): hash p50 ${hashing.hashP50.toFixed(1)} ms, p95 ${hashing.hashP95.toFixed(1)} ms; verify p50 ${hashing.verifyP50.toFixed(1)} ms, p95 ${hashing.verifyP95.toFixed(1)} ms`);
    console.log(`password sign-in over HTTP (10 sequential): p50 ${signIns[4].toFixed(1)} ms, p95 ${signIns[9].toFixed(1)} ms`);
    console.log(
      embeddedPage
        ? `reading page, embedded vs server: ${row(embeddedPage).trim()}  ← embedded; ${page.requestsPerSecond.toFixed(0)} req/s, p50 ${page.p50.toFixed(1)} ms, p95 ${page.p95.toFixed(1)} ms ← server (ratio ${(embeddedPage.requestsPerSecond / page.requestsPerSecond).toFixed(2)})`
        : "reading page on the PostgreSQL server: not measured (set TEST_DATABASE_URL to a server to compare)",
    );
    console.log(`cold npm start (build present) on the embedded server, to the reading page's first 200: first start on a new data folder ${starts.first.toFixed(1)} s, again on the same folder ${starts.again.toFixed(1)} s`);
    if (namedServerStart !== null) console.log(`cold npm start (build present) on the PostgreSQL server: ${namedServerStart.toFixed(1)} s`);
    console.log(`\n━━ Annotations: ${generated.notes} notes and ${generated.replies} replies, written in ${generateSeconds.toFixed(1)} s ━━`);
    for (const line of notesLines) console.log(line);
    console.log("\n━━ Moderation ━━");
    for (const line of queueLines) console.log(line);
    console.log("\n━━ Teaching ━━");
    for (const line of teachingLines) console.log(line);
    console.log("\n━━ W3C Web Annotation Protocol and exports ━━");
    for (const line of w3cLines) console.log(line);
    console.log("\n━━ TEI ━━");
    for (const line of teiLines) console.log(line);
    console.log("\n━━ Imports ━━");
    for (const line of importLines) console.log(line);
  } finally {
    for (const child of children) await stopChild(child);
    await database.drop();
  }
}

main().catch(exitWithError);
