import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { testServerUrl, withDatabase, type TestDatabaseContext } from "./database-server";

/**
 * Migrates one template database per run; each test file then copies it (CREATE DATABASE … TEMPLATE on a server,
 * a loaded data-directory dump on PGlite) instead of migrating again. Teardown drops everything this run made.
 */
export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  if (serverUrl) {
    const prefix = `mtest_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await applyMigrations({ connectionString: withDatabase(serverUrl, template) });
    project.provide("testDatabase", { kind: "server", serverUrl, template, prefix } satisfies TestDatabaseContext);
    console.log(`integration: PostgreSQL server ${new URL(serverUrl).host}, databases ${prefix}_*`);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`${prefix}\\_%`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-test-"));
  const templateDump = path.join(folder, "template.tar");
  const embedded = await startEmbeddedPostgres();
  await applyMigrations({ connectionString: embedded.url });
  const dump = await embedded.dumpDataDir();
  writeFileSync(templateDump, Buffer.from(await dump.arrayBuffer()));
  await embedded.stop();
  project.provide("testDatabase", { kind: "embedded", templateDump } satisfies TestDatabaseContext);
  console.log("integration: no DATABASE_URL/TEST_DATABASE_URL, using fresh embedded PGlite instances");
  return () => rmSync(folder, { recursive: true, force: true });
}
