// npm start: database → migrations → seed → build → serve, each step announced; Ctrl-C stops all it started.
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { parseServerEnv } from "../lib/env";
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { exitWithError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { assertPortFree } from "./lib/port";
import { openDatabase, pgliteNotice, type OpenDatabase } from "./lib/resolve-database";
import { describeOutcome, seedDatabase } from "./lib/seed";
import { ensureProductionBuild } from "./lib/run-next-build";
import { SERVER_ENTRY } from "./lib/build-server";
import { localSecrets } from "./lib/secrets";
import { waitForHealthy } from "./lib/wait-for-healthy";

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
let database: OpenDatabase | undefined;
let server: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  if (database?.joinedPid) step(`leaving the embedded database running for process ${database.joinedPid}`);
  else if (database?.embedded) step("stopping the embedded database");
  await database?.close();
  process.exit(code);
}

async function main() {
  loadDotEnv();
  const env = parseServerEnv();
  const host = env.HOST;
  await assertPortFree(env.PORT, host);

  step(env.DATABASE_URL ? "database: connecting to DATABASE_URL" : "database: starting the embedded PostgreSQL");
  database = await openDatabase();
  step(`database: ${database.description}`);
  const notice = database.embedded ? pgliteNotice(env.MARGINALIA_DATA_DIR) : null;
  if (notice) step(`database: ${notice}`);

  step("migrations: applying");
  const { applied } = await applyMigrations({ connectionString: database.url });
  step(applied.length ? `migrations: applied ${applied.join(", ")}` : "migrations: up to date");

  // Demo accounts only on the embedded database unless asked: a deployment has none unless DEMO_DATA=1.
  const demo = process.env.DEMO_DATA ? env.DEMO_DATA : database.embedded;
  step(`seed: importing the letters${demo ? " and the demo data" : ""}`);
  const seeded = await seedDatabase(database.url, { demo });
  for (const outcome of seeded.outcomes) step(`seed: ${describeOutcome(outcome)}`);
  if (seeded.demoAccountsCreated !== null) step(`seed: demo accounts ${seeded.demoAccountsCreated ? `created (${seeded.demoAccountsCreated})` : "already present"}; see the sign-in page`);
  if (seeded.demoNotesCreated) step(`seed: demo notes and replies created (${seeded.demoNotesCreated})`);
  if (seeded.notesRendered) step(`notes: stored the HTML of ${seeded.notesRendered} note(s) rendered by an older or no renderer`);

  step("build: checking the production build");
  step((await ensureProductionBuild()) ? "build: done" : "build: current, not rebuilt");

  const secrets = env.NEXTAUTH_SECRET ? {} : localSecrets(env.MARGINALIA_DATA_DIR);
  step(`server: starting on port ${env.PORT}`);
  // node itself on the bundled server (scripts/serve.ts; no tsx loader, no CLI between us): it holds the IPC channel.
  server = spawn(process.execPath, [SERVER_ENTRY], {
    // The IPC channel closes when this process dies, however it dies: the web server then stops too (serve.ts).
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      ...secrets,
      PORT: String(env.PORT),
      HOST: host,
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.APP_URL ?? `http://localhost:${env.PORT}`,
      DATABASE_URL: database.url,
      DEMO_DATA: demo ? "1" : "0",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`marginalia: the web server stopped unexpectedly (exit code ${code})`);
      void stop(code ?? 1);
    }
  });
  const url = `http://localhost:${env.PORT}`;
  await waitForHealthy(`http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${env.PORT}/api/health`, 60_000);
  const stops = database.embedded && !database.joinedPid ? " and the embedded database" : "";
  step(`ready in ${seconds()} s: ${url}  (Ctrl-C stops the server${stops})`);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
main().catch(async (error) => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  await database?.close().catch(() => {});
  exitWithError(error);
});
