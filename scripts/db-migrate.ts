// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database when it is unset,
// as `prisma migrate deploy` would, but through Prisma's WASM schema engine: the native one cannot be downloaded
// offline (docs/decisions.md, 2026-11-25).
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { MigrationError, toMigrationError } from "../lib/db/migrations/migration-error";
import { exitWithError, OperatorError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { openDatabase, type OpenDatabase } from "./lib/resolve-database";

let database: OpenDatabase | undefined;

async function fail(error: unknown): Promise<never> {
  await database?.close().catch(() => {});
  exitWithError(error instanceof MigrationError ? new OperatorError(error.message, error.hint) : error);
}

// A Rust panic in the engine is thrown inside a promise callback of the WASM glue, so it reaches no await.
process.once("uncaughtException", (error) => {
  void fail(error instanceof WebAssembly.RuntimeError ? toMigrationError("the schema engine crashed", error) : error);
});

try {
  const started = performance.now();
  loadDotEnv();
  const configured = Boolean(process.env.DATABASE_URL);
  step(configured ? "database: connecting to DATABASE_URL" : "database: starting the embedded PostgreSQL (PGlite)");
  database = await openDatabase();
  step(`database: ${database.description}`);
  await applyMigrations({ connectionString: database.url, log: (message) => step(`migrations: ${message}`) });
  await database.close();
  step(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  await fail(error);
}
