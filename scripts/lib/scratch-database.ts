import { randomBytes } from "node:crypto";
import pg from "pg";
import { startThrowawayServer } from "../../lib/db/embedded-server/throwaway-server";
import { applyMigrations } from "../../lib/db/migrations/apply-migrations";

export type ScratchDatabase = { url: string; description: string; drop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A migrated database that exists for one run and is removed after it: a new database on the server named by
 * `serverUrl`, or on a throw-away embedded PostgreSQL started for the run (and stopped by `drop`).
 */
export async function createScratchDatabase(prefix: string, serverUrl?: string): Promise<ScratchDatabase> {
  const embedded = serverUrl ? undefined : await startThrowawayServer();
  const server = serverUrl ?? embedded!.url();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  await applyMigrations({ connectionString: url });
  return {
    url,
    description: embedded
      ? `database ${name} on a throw-away embedded PostgreSQL (127.0.0.1:${embedded.port})`
      : `database ${name} on ${new URL(server).host}`,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}
