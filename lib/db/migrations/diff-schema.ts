import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { readMigrations } from "./read-migrations";
import { MigrationError, toMigrationError } from "./migration-error";
import { withSchemaEngine } from "./schema-engine-session";

export type DiffMigrationsOptions = {
  /**
   * The database whose server replays the migrations into a scratch shadow database (created and dropped on the
   * same server). The database itself is not changed.
   */
  connectionString: string;
  /** Defaults to prisma/schema.prisma. */
  schemaPath?: string;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
  /**
   * "migrations" (default) replays the history in a shadow database: the SQL `prisma migrate dev` would write.
   * "empty", allowed only while there are no migrations, compares with nothing and needs no shadow database (so
   * no CREATEDB privilege), but starts with `CREATE SCHEMA IF NOT EXISTS "public"`, which fails for a user
   * without CREATE on the database, as is common on hosted PostgreSQL.
   */
  from?: "migrations" | "empty";
};

/**
 * The SQL that would bring a database built from the migrations to the Prisma schema: no statements when the
 * migrations already describe the schema (no drift), otherwise the body of the next migration.
 */
export async function diffMigrationsToSchema(
  options: DiffMigrationsOptions,
): Promise<{ sql: string; hasDrift: boolean }> {
  const migrationsList = await readMigrations(options.migrationsDir);
  if (options.from === "empty" && migrationsList.migrationDirectories.length > 0) {
    throw new MigrationError(
      "a diff from an empty database would ignore the existing migrations",
      'leave `from` at "migrations" once prisma/migrations has a migration',
    );
  }
  const from: DiffTarget = options.from === "empty" ? { tag: "empty" } : { tag: "migrations", ...migrationsList };

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
        // With exitCode set, the engine answers 2 when the diff has any step and 0 when it has none (the script
        // is then the comment "-- This is an empty migration.").
        return { sql: result.stdout ?? "", hasDrift: result.exitCode === 2 };
      },
    );
  } catch (error) {
    throw toMigrationError("could not compare the migrations with the schema", error);
  }
}
