import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrations/apply-migrations";

export type ScratchDatabase = { url: string; description: string; drop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A migrated database that exists for one run and is removed after it: a new database on the server named by
 * `serverUrl`, or an in-memory PGlite served from this process.
 */
export async function createScratchDatabase(prefix: string, serverUrl?: string): Promise<ScratchDatabase> {
  if (serverUrl) {
    const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(serverUrl, name);
    await applyMigrations({ connectionString: url });
    return {
      url,
      description: `database ${name} on ${new URL(serverUrl).host}`,
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres({ maxConnections: 40 });
  await applyMigrations({ connectionString: embedded.url });
  return { url: embedded.url, description: `in-memory PGlite on port ${embedded.port}`, drop: embedded.stop };
}
