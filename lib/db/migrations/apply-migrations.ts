import path from "node:path";
import { readMigrations } from "./read-migrations";
import { toMigrationError } from "./migration-error";
import { withSchemaEngine } from "./schema-engine-session";

export type ApplyMigrationsOptions = {
  connectionString: string;
  /** Receives one human-readable line per step. */
  log?: (message: string) => void;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
  /** Applies only the migrations whose folder name passes (e.g. to rebuild an older database's schema exactly). */
  only?: (name: string) => boolean;
};

/**
 * Applies the pending migrations and records them in _prisma_migrations, as `prisma migrate deploy` does, so a
 * machine with Prisma's native engine sees the same history. Applying twice is a no-op.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrationsList = await readMigrations(options.migrationsDir);
  if (options.only) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((each) => options.only!(each.path));
  const where = path.relative(process.cwd(), migrationsList.baseDir) || ".";
  log(`found ${migrationsList.migrationDirectories.length} migration(s) in ${where}`);
  try {
    const { appliedMigrationNames } = await withSchemaEngine(
      { connectionString: options.connectionString },
      ({ engine }) => engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
    );
    for (const name of appliedMigrationNames) log(`applied ${name}`);
    if (appliedMigrationNames.length === 0) log("database is up to date; nothing to apply");
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw toMigrationError("could not apply migrations", error);
  }
}
