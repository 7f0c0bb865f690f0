// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database when it is unset,
// as `prisma migrate deploy` would, but through Prisma's WASM schema engine: the native one cannot be downloaded
// offline (docs/decisions.md, 2026-11-25).
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { step } from "./lib/fail";
import { runMigrationCommand } from "./lib/run-migration-command";

await runMigrationCommand(async (database) => {
  await applyMigrations({ connectionString: database.url, log: (message) => step(`migrations: ${message}`) });
});
