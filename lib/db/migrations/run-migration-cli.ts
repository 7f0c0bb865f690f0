import path from "node:path";
import { ZServerEnv } from "../../env";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { MigrationError, toMigrationError } from "./migration-error";
import { PRISMA_SCHEMA_PATH } from "./prisma-paths";

/** The folder `npm start` keeps the embedded database in, so both work on the same data. */
const EMBEDDED_DATA_DIR = path.join(path.dirname(PRISMA_SCHEMA_PATH), "..", ".data", "pglite");

export type MigrationCliContext = {
  connectionString: string;
  /** Prints one progress line. */
  say: (message: string) => void;
};

/**
 * Shared by scripts/db-migrate*.ts: picks DATABASE_URL or else the embedded database, runs `work`, and turns any
 * failure into one line `marginalia: <what is wrong> — <how to fix>` and exit code 1, never a stack trace.
 * `checkArguments` runs first, so a typo fails before a database is started.
 */
export async function runMigrationCli(
  command: string,
  work: (context: MigrationCliContext) => Promise<void>,
  checkArguments: () => void = () => {},
) {
  const say = (message: string) => console.log(`${command}: ${message}`);
  const started = Date.now();
  let stopEmbedded: (() => Promise<void>) | undefined;
  // A Rust panic in the engine is thrown from inside a promise callback of the WASM glue, so it never reaches an
  // await: it arrives here, and the operation it belonged to will never settle.
  process.once("uncaughtException", (error) => {
    console.error(`marginalia: ${describe(toMigrationError(command, error))}`);
    const stopped = stopEmbedded?.().catch(() => {}) ?? Promise.resolve();
    void Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 3000))]).then(() => process.exit(1));
  });
  try {
    checkArguments();
    const connectionString = await resolveDatabase(say, (stop) => (stopEmbedded = stop));
    await work({ connectionString, say });
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } catch (error) {
    console.error(`marginalia: ${describe(error)}`);
    process.exitCode = 1;
  } finally {
    await stopEmbedded?.().catch(() => {});
  }
}

async function resolveDatabase(say: (message: string) => void, onEmbedded: (stop: () => Promise<void>) => void) {
  const configured = ZServerEnv.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL || undefined);
  if (!configured.success) {
    throw new MigrationError(
      `DATABASE_URL ${configured.error.issues[0]?.message ?? "is invalid"}`,
      "set it to postgresql://user:password@host:5432/database, or unset it to use the embedded database",
    );
  }
  if (configured.data) {
    say(`using DATABASE_URL (${new URL(configured.data).host})`);
    return configured.data;
  }
  const relative = path.relative(process.cwd(), EMBEDDED_DATA_DIR) || ".";
  say(`DATABASE_URL is not set; starting the embedded database in ${relative}`);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR });
    onEmbedded(embedded.stop);
    return embedded.url;
  } catch (error) {
    throw new MigrationError(
      `could not start the embedded database in ${relative}: ${error instanceof Error ? error.message : String(error)}`,
      "stop `npm start` if it is running (it holds that folder), or set DATABASE_URL",
      { cause: error },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof MigrationError) return `${error.message} — ${error.hint}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split("\n")[0]} — this is unexpected; run with the same arguments again, and report it if it repeats`;
}
