import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient, MAINTENANCE_TIMEOUTS } from "@/lib/db/create-prisma-client";
import { withDatabase } from "./database-server";

export type TestDatabase = {
  url: string;
  prisma: PrismaClient;
  /** Disconnects and removes the database. */
  drop: () => Promise<void>;
};

/** A fresh, migrated database for one test file: a copy of the run's template (CREATE DATABASE … TEMPLATE). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const context = inject("testDatabase");
  const name = `${context.prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: context.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${context.template}"`);
  const url = withDatabase(context.serverUrl, name);
  const prisma = createPrismaClient({ connectionString: url, poolMax: 5, ...MAINTENANCE_TIMEOUTS });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
