import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { OperatorError } from "./fail";

export type OpenDatabase = {
  url: string;
  /** Where it is, for messages (never the password). */
  description: string;
  embedded: boolean;
  close: () => Promise<void>;
};

const DATA_DIR = path.join(".data", "pglite");
const LOCK_FILE = path.join(".data", "embedded-postgres.json");

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

/** Connects once with a short timeout and turns the usual failures into a sentence with a fix. */
export async function assertDatabaseReachable(url: string, variable = "DATABASE_URL"): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const where = describeUrl(url);
    const problems: Record<string, string> = {
      ECONNREFUSED: `nothing answers at ${where}`,
      ENOTFOUND: `the host in ${variable} (${where}) does not resolve`,
      "3D000": `the database in ${variable} (${where}) does not exist`,
      "28P01": `the password in ${variable} was refused by ${where}`,
      "28000": `${where} refused the user in ${variable}`,
    };
    const problem = problems[code ?? ""] ?? `cannot reach the database in ${variable} (${where}): ${message}`;
    throw new OperatorError(
      problem,
      `start PostgreSQL or correct ${variable}; unset it to use the embedded database instead`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The embedded database another Marginalia process is already serving from .data/pglite, if any. */
function runningEmbedded(): { url: string; pid: number } | null {
  if (!existsSync(LOCK_FILE)) return null;
  const lock = JSON.parse(readFileSync(LOCK_FILE, "utf8")) as { pid: number; url: string };
  return isAlive(lock.pid) ? lock : null;
}

/**
 * The database to use: DATABASE_URL when set, else the embedded PGlite under .data/pglite. PGlite's files may be
 * opened by one process only, so a second command (npm run db:migrate while npm start runs) joins the running one.
 */
export async function openDatabase(options: { port?: number } = {}): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await assertDatabaseReachable(configured);
    return { url: configured, description: describeUrl(configured), embedded: false, close: async () => {} };
  }
  const running = runningEmbedded();
  if (running) {
    await assertDatabaseReachable(running.url, `the embedded database of process ${running.pid}`);
    return { url: running.url, description: `embedded PostgreSQL of process ${running.pid}`, embedded: true, close: async () => {} };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  let embedded;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: options.port ?? 0 });
  } catch (error) {
    throw new OperatorError(
      `the embedded database in ${DATA_DIR} could not start (${(error as Error).message})`,
      "make sure no other process uses it; if its files are damaged, move .data/pglite away to start afresh",
    );
  }
  writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url: embedded.url }));
  return {
    url: embedded.url,
    description: `embedded PostgreSQL (PGlite) in ${DATA_DIR}, on 127.0.0.1:${embedded.port}`,
    embedded: true,
    close: async () => {
      rmSync(LOCK_FILE, { force: true });
      await embedded.stop();
    },
  };
}
