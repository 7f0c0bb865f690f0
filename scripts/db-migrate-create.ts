// npm run db:migrate:create -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with what
// prisma/schema.prisma changed since the last migration, like `prisma migrate dev --create-only`, through Prisma's
// WASM schema engine (docs/decisions.md, 2026-11-25). Nothing is applied: review the file, then npm run db:migrate.
import path from "node:path";
import { assertValidMigrationName, createMigration } from "../lib/db/migrations/create-migration";
import { exitWithError, OperatorError, step } from "./lib/fail";
import { runMigrationCommand } from "./lib/run-migration-command";

const args = process.argv.slice(2);
try {
  if (args.length !== 1) throw new OperatorError("expected one migration name", "run `npm run db:migrate:create -- add_note_tags`");
  // Before starting a database, so a typo fails at once.
  assertValidMigrationName(args[0]!);
} catch (error) {
  exitWithError(error);
}

await runMigrationCommand(async (database) => {
  step("migrations: replaying prisma/migrations in a scratch shadow database to compare with prisma/schema.prisma");
  const { folder } = await createMigration({ name: args[0]!, connectionString: database.url });
  if (folder) {
    step(`migrations: wrote ${path.relative(process.cwd(), path.join(folder, "migration.sql"))} — review it, then run npm run db:migrate`);
  } else {
    step("migrations: the schema has not changed since the last migration; nothing written");
  }
});
