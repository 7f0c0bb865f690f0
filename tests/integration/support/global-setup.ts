import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startThrowawayServer } from "@/lib/db/embedded-server/throwaway-server";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { testServerUrl, withDatabase, type TestDatabaseContext } from "./database-server";

/**
 * Migrates one template database per run; each test file then copies it with CREATE DATABASE … TEMPLATE instead of
 * migrating again. The server is TEST_DATABASE_URL's (or DATABASE_URL's), else a throw-away embedded PostgreSQL 15
 * started for this run: the same server software either way, so no test depends on which. Teardown drops
 * everything this run made (and stops the embedded server).
 */
export default async function setup(project: TestProject) {
  const named = testServerUrl();
  const embedded = named ? undefined : await startThrowawayServer();
  const serverUrl = named ?? embedded!.url();
  const prefix = `mtest_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await applyMigrations({ connectionString: withDatabase(serverUrl, template) });
  project.provide("testDatabase", { serverUrl, template, prefix, embedded: !named } satisfies TestDatabaseContext);
  console.log(
    embedded
      ? `integration: no DATABASE_URL/TEST_DATABASE_URL, using a throw-away embedded PostgreSQL on 127.0.0.1:${embedded.port}`
      : `integration: PostgreSQL server ${new URL(serverUrl).host}, databases ${prefix}_*`,
  );
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
