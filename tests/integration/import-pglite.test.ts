import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPgliteData } from "@/lib/db/pglite-import/copy-pglite-data";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { inject } from "vitest";
import { withDatabase } from "./support/database-server";

// An earlier release's .data/pglite, made as that release made it: PGlite with prisma/migrations applied (all but
// the newest, so the import must run a newer migration over the copied rows) and a few rows written.
let folder: string;
let target: { url: string; drop: () => Promise<void> };
let scratch: TestDatabase;
const users = [randomUUID(), randomUUID()];
const groupId = randomUUID();

const MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-pglite-"));
  const old = await PGlite.create({ dataDir: folder });
  await old.exec(MIGRATIONS_TABLE);
  const migrations = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const name of migrations.slice(0, -1)) {
    await old.exec(readFileSync(path.join("prisma/migrations", name, "migration.sql"), "utf8"));
    await old.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, 'x', now(), $2, 1)`, [randomUUID(), name]);
  }
  await old.query(`INSERT INTO "User" (id, email, "displayName", "updatedAt", trusted) VALUES ($1, 'first@example.org', 'Первый читатель', now(), true), ($2, 'second@example.org', 'Second', now(), false)`, users);
  await old.query(`INSERT INTO "Group" (id, kind, name, "createdById", "updatedAt") VALUES ($1, 'research', 'Alma-Ata readers', $2, now())`, [groupId, users[0]]);
  await old.query(`INSERT INTO "Membership" ("groupId", "userId", role) VALUES ($1, $2, 'owner'), ($1, $3, 'member')`, [groupId, users[0], users[1]]);
  await old.close();

  // An empty database on the run's server to import into (not the migrated template).
  scratch = await createTestDatabase();
  const context = inject("testDatabase");
  const name = `${context.prefix}_import_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: context.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  target = {
    url: withDatabase(context.serverUrl, name),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
});

afterAll(async () => {
  await target?.drop();
  await scratch?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("npm run db:import-pglite", () => {
  it("copies every row of an older PGlite folder, then brings the schema up to date, and leaves the folder as it was", async () => {
    const before = readdirSync(folder).sort();
    const lines: string[] = [];
    const copied = await copyPgliteData({ folder, targetUrl: target.url, log: (line) => lines.push(line) });
    expect(copied).toEqual(expect.arrayContaining([{ table: "User", rows: 2 }, { table: "Group", rows: 1 }, { table: "Membership", rows: 2 }]));
    expect(lines.join("\n")).toMatch(/applied the 1 newer migration/);

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT id, "displayName", trusted FROM "User" ORDER BY email`);
      expect(rows).toEqual([
        { id: users[0], displayName: "Первый читатель", trusted: true },
        { id: users[1], displayName: "Second", trusted: false },
      ]);
      const memberships = await client.query(`SELECT role FROM "Membership" WHERE "groupId" = $1 ORDER BY role::text`, [groupId]);
      expect(memberships.rows.map((row) => row.role)).toEqual(["member", "owner"]);
      // Every migration is recorded now: the copy is a database like any other.
      const applied = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
      expect(applied.rows[0].n).toBe(readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory()).length);
    } finally {
      await client.end();
    }
    // Nothing was deleted from the old folder.
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  it("refuses a folder that holds no Marginalia database, copying nothing", async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "marginalia-pglite-empty-"));
    try {
      await expect(copyPgliteData({ folder: empty, targetUrl: scratch.url })).rejects.toThrow(/holds no Marginalia database/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
