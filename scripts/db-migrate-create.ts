// npm run db:migrate:create -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with what
// prisma/schema.prisma changed since the last migration (`prisma migrate dev --create-only`, without Prisma's
// native engine). Nothing is applied: review the file, then run `npm run db:migrate`.
import path from "node:path";
import { assertValidMigrationName, createMigration } from "../lib/db/migrations/create-migration";
import { MigrationError } from "../lib/db/migrations/migration-error";
import { runMigrationCli } from "../lib/db/migrations/run-migration-cli";

const args = process.argv.slice(2);
const name = args[0] ?? "";

await runMigrationCli(
  "db:migrate:create",
  async ({ connectionString, say }) => {
    say("replaying prisma/migrations in a scratch shadow database and comparing with prisma/schema.prisma");
    const { folder } = await createMigration({ name, connectionString });
    if (!folder) {
      say("the schema has not changed since the last migration; nothing written");
      return;
    }
    const file = path.relative(process.cwd(), path.join(folder, "migration.sql"));
    say(`wrote ${file}; review it, then run npm run db:migrate`);
  },
  () => {
    if (args.length !== 1) {
      throw new MigrationError("expected one migration name", "run `npm run db:migrate:create -- add_note_tags`");
    }
    assertValidMigrationName(name);
  },
);
