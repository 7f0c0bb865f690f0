import { MigrationError, toMigrationError } from "../../lib/db/migrations/migration-error";
import { exitWithError, OperatorError, step } from "./fail";
import { loadDotEnv } from "./load-dotenv";
import { openDatabase, type OpenDatabase } from "./resolve-database";

/**
 * The frame of the migration commands: open DATABASE_URL (or the embedded database), run the work, close, report
 * the time; every failure, a schema-engine panic included, becomes one line and exit code 1.
 */
export async function runMigrationCommand(work: (database: OpenDatabase) => Promise<void>): Promise<void> {
  let database: OpenDatabase | undefined;
  const fail = async (error: unknown): Promise<never> => {
    await database?.close().catch(() => {});
    exitWithError(error instanceof MigrationError ? new OperatorError(error.message, error.hint) : error);
  };
  // A Rust panic in the engine is thrown inside a promise callback of the WASM glue, so it reaches no await.
  process.once("uncaughtException", (error) => {
    void fail(error instanceof WebAssembly.RuntimeError ? toMigrationError("the schema engine crashed", error) : error);
  });
  try {
    const started = performance.now();
    loadDotEnv();
    step(process.env.DATABASE_URL ? "database: connecting to DATABASE_URL" : "database: starting the embedded PostgreSQL");
    database = await openDatabase();
    step(`database: ${database.description}`);
    await work(database);
    await database.close();
    step(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await fail(error);
  }
}
