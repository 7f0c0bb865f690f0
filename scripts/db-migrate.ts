// npm run db:migrate — applies pending migrations (as `prisma migrate deploy` does, without Prisma's native
// engine, which cannot be downloaded offline) to DATABASE_URL, or to the embedded database when it is unset.
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { runMigrationCli } from "../lib/db/migrations/run-migration-cli";

await runMigrationCli("db:migrate", async ({ connectionString, say }) => {
  await applyMigrations({ connectionString, log: say });
});
