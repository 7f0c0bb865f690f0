import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { readMigrations } from "./read-migrations";
import { toMigrationError } from "./migration-error";
import { withSchemaEngine } from "./schema-engine-session";

export type DiffMigrationsOptions = {
  /**
   * A database on whose server the migrations are replayed into a scratch shadow database (a second in-memory
   * PGlite when it is PGlite). It is not changed. Only when there are no migrations yet may it be omitted.
   */
  connectionString?: string;
  /** Defaults to prisma/schema.prisma. */
  schemaPath?: string;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
};

/**
 * The SQL that would bring a database built from the migrations to the Prisma schema: empty when the
 * migrations already describe the schema (no drift), otherwise the body of the next migration.
 */
export async function diffMigrationsToSchema(options: DiffMigrationsOptions): Promise<{ sql: string; hasDrift: boolean }> {
  const migrationsList = await readMigrations(options.migrationsDir);
  // Replaying even an empty history through a shadow database gives the same SQL as `prisma migrate dev`. Diffing
  // from nothing needs no database but adds `CREATE SCHEMA IF NOT EXISTS "public"`, which fails for a database
  // user without CREATE on the database (common on hosted PostgreSQL), so it is only the fallback.
  let from: DiffTarget;
  if (options.connectionString) from = { tag: "migrations", ...migrationsList };
  else if (migrationsList.migrationDirectories.length === 0) from = { tag: "empty" };
  else throw new Error("diffMigrationsToSchema: replaying existing migrations needs a connectionString");

  try {
    return await withSchemaEngine(
      { connectionString: options.connectionString, schemaPath: options.schemaPath },
      async ({ engine, schema }) => {
        const result = await engine.diff({
          from,
          to: { tag: "schemaDatamodel", files: [schema] },
          script: true,
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        });
        // With exitCode set, the engine answers 2 when the diff has any step, 0 when it has none.
        return { sql: result.stdout ?? "", hasDrift: result.exitCode === 2 };
      },
    );
  } catch (error) {
    throw toMigrationError("could not compare the migrations with the schema", error);
  }
}
