// npm run db:import-pglite — one-shot, kept for this release: copies the data of the embedded PGlite that earlier
// releases kept in .data/pglite into the embedded PostgreSQL server. The server's current database is kept under
// another name, and .data/pglite is left in place for you to delete. Nothing is deleted.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openEmbeddedServer, type EmbeddedServer } from "../lib/db/embedded-server/embedded-server";
import { copyPgliteData } from "../lib/db/pglite-import/copy-pglite-data";
import { parseServerEnv } from "../lib/env";
import { exitWithError, OperatorError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { EMBEDDED_DATABASE, PGLITE_IMPORTED_MARKER } from "./lib/resolve-database";

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

let server: EmbeddedServer | undefined;
try {
  loadDotEnv();
  const env = parseServerEnv();
  if (env.DATABASE_URL) {
    throw new OperatorError("db:import-pglite copies into the embedded server, but DATABASE_URL is set", "run it without DATABASE_URL");
  }
  const dataFolder = env.MARGINALIA_DATA_DIR;
  const pgliteFolder = path.join(dataFolder, "pglite");
  if (!existsSync(pgliteFolder)) throw new OperatorError(`there is no ${pgliteFolder}`, "nothing to import");
  server = await openEmbeddedServer({ folder: dataFolder, port: env.EMBEDDED_DB_PORT, startTimeoutMs: env.EMBEDDED_DB_START_TIMEOUT_MS });
  if (server.how === "joined") {
    throw new OperatorError(`process ${server.ownerPid} (npm start) is using the embedded database`, "stop it with Ctrl-C, run npm run db:import-pglite again, then npm start");
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const staging = `${EMBEDDED_DATABASE}_pglite_${stamp}`;
  await query(server.url(), `CREATE DATABASE "${staging}"`);
  step(`import: copying ${pgliteFolder} into a new database ${staging}`);
  let copied;
  try {
    copied = await copyPgliteData({ folder: pgliteFolder, targetUrl: server.url(staging), log: (line) => step(`import: ${line}`) });
  } catch (error) {
    // Only the partial copy this run made is removed; the PGlite folder and the current database are untouched.
    await query(server.url(), `DROP DATABASE IF EXISTS "${staging}" WITH (FORCE)`);
    throw error;
  }
  const { rowCount } = await query(server.url(), "SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
  const keptAs = rowCount ? `${EMBEDDED_DATABASE}_before_import_${stamp}` : null;
  if (keptAs) await query(server.url(), `ALTER DATABASE "${EMBEDDED_DATABASE}" RENAME TO "${keptAs}"`);
  await query(server.url(), `ALTER DATABASE "${staging}" RENAME TO "${EMBEDDED_DATABASE}"`);
  const rows = copied.reduce((sum, table) => sum + table.rows, 0);
  writeFileSync(
    path.join(dataFolder, PGLITE_IMPORTED_MARKER),
    JSON.stringify({ importedAt: new Date().toISOString(), from: pgliteFolder, tables: copied, previousDatabase: keptAs }, null, 2),
  );
  step(`import: copied ${rows} rows in ${copied.length} tables; the app now uses them`);
  if (keptAs) step(`import: the database the server had before is kept as ${keptAs}`);
  step(`import: ${pgliteFolder} is left in place; delete it once you have checked the import`);
  await server.stop();
} catch (error) {
  await server?.stop().catch(() => {});
  exitWithError(error);
}
