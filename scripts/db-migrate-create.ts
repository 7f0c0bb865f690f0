// npm run db:migrate:create -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with what
// prisma/schema.prisma changed since the last migration, like `prisma migrate dev --create-only`, through Prisma's
// WASM schema engine (docs/decisions.md, 2026-11-25). Nothing is applied: review the file, then npm run db:migrate.
import path from "node:path";
import { assertValidMigrationName, createMigration } from "../lib/db/migrations/create-migration";
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
  const args = process.argv.slice(2);
  if (args.length !== 1) {
    throw new OperatorError("expected one migration name", "run `npm run db:migrate:create -- add_note_tags`");
  }
  const name = args[0]!;
  // Before starting a database, so a typo fails at once.
  assertValidMigrationName(name);
  loadDotEnv();
  const configured = Boolean(process.env.DATABASE_URL);
  step(configured ? "database: connecting to DATABASE_URL" : "database: starting the embedded PostgreSQL (PGlite)");
  database = await openDatabase();
  step(`database: ${database.description}`);
  step("migrations: replaying prisma/migrations in a scratch shadow database to compare with prisma/schema.prisma");
  const { folder } = await createMigration({ name, connectionString: database.url });
  if (folder) {
    const file = path.relative(process.cwd(), path.join(folder, "migration.sql"));
    step(`migrations: wrote ${file} — review it, then run npm run db:migrate`);
  } else {
    step("migrations: the schema has not changed since the last migration; nothing written");
  }
  await database.close();
  step(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  await fail(error);
}
