import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/migrations/diff-schema";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The engine replays prisma/migrations into a scratch shadow database and compares the result with schema.prisma.
let db: TestDatabase;
let scratch: string;
beforeAll(async () => {
  db = await createTestDatabase();
  scratch = mkdtempSync(path.join(os.tmpdir(), "marginalia-drift-"));
});
afterAll(async () => {
  await db?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe("schema.prisma and prisma/migrations", () => {
  it("have not drifted apart (run `npm run db:migrate:create -- <name>` if this fails)", async () => {
    const { sql, hasDrift } = await diffMigrationsToSchema({ connectionString: db.url });
    expect(hasDrift, `schema.prisma differs from the migrations; the missing migration would be:\n${sql}`).toBe(false);
  });

  it("the check does see a change that has no migration", async () => {
    const schemaPath = path.join(scratch, "schema.prisma");
    copyFileSync("prisma/schema.prisma", schemaPath);
    const changed = readFileSync(schemaPath, "utf8").replace("  kind        ParagraphKind", "  kind        ParagraphKind\n  note        String?");
    writeFileSync(schemaPath, changed);
    const { sql, hasDrift } = await diffMigrationsToSchema({ connectionString: db.url, schemaPath });
    expect(hasDrift).toBe(true);
    expect(sql).toMatch(/ALTER TABLE "Paragraph" ADD COLUMN\s+"note" TEXT/);
  });
});
