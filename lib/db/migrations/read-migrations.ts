import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";
import { PRISMA_MIGRATIONS_DIR } from "./prisma-paths";

const LOCKFILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";

/**
 * Reads prisma/migrations the way the `prisma` CLI does before calling the schema engine: every sub-folder is a
 * migration, in name order; a folder without migration.sql is passed on as an error for the engine to report.
 */
export async function readMigrations(migrationsDir: string = PRISMA_MIGRATIONS_DIR): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockfile = await readFile(path.join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });

  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((each) => each.isDirectory())) {
    const content = await readFile(path.join(baseDir, entry.name, MIGRATION_FILE), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  // Same ordering as the prisma CLI, so both tools agree on which migration comes first.
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));

  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockfile },
    migrationDirectories,
    // prisma.config.ts sets no migrations.initShadowDb.
    shadowDbInitScript: "",
  };
}
