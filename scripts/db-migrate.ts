// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database when it is unset,
// as `prisma migrate deploy` would, but through Prisma's WASM schema engine: the native one cannot be downloaded
// offline (docs/decisions.md, 2026-11-25).
import { createPrismaClient, MAINTENANCE_TIMEOUTS } from "../lib/db/create-prisma-client";
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { rerenderNoteBodies } from "../lib/markdown/rerender-note-bodies";
import { step } from "./lib/fail";
import { runMigrationCommand } from "./lib/run-migration-command";

await runMigrationCommand(async (database) => {
  await applyMigrations({ connectionString: database.url, log: (message) => step(`migrations: ${message}`) });
  // Not SQL: a note's HTML comes from the Markdown renderer, so a new renderer version is applied by running it.
  const prisma = createPrismaClient({ connectionString: database.url, poolMax: 2, ...MAINTENANCE_TIMEOUTS });
  try {
    step(`notes: stored the HTML of ${await rerenderNoteBodies(prisma)} note(s) rendered by an older or no renderer`);
  } finally {
    await prisma.$disconnect();
  }
});
