// npm run db:seed — imports the letters in content/ into DATABASE_URL (or the embedded database). Idempotent.
import { exitWithError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { openDatabase, type OpenDatabase } from "./lib/resolve-database";
import { describeOutcome, seedDatabase } from "./lib/seed";

let database: OpenDatabase | undefined;
try {
  loadDotEnv();
  database = await openDatabase();
  step(`database: ${database.description}`);
  const demo = process.env.DEMO_DATA === "1" || process.env.DEMO_DATA === "true";
  const seeded = await seedDatabase(database.url, { demo });
  for (const outcome of seeded.outcomes) step(`seed: ${describeOutcome(outcome)}`);
  if (seeded.demoAccountsCreated !== null) step(`seed: demo accounts created: ${seeded.demoAccountsCreated}`);
  if (seeded.demoNotesCreated !== null) step(`seed: demo notes and replies created: ${seeded.demoNotesCreated}`);
  await database.close();
} catch (error) {
  await database?.close().catch(() => {});
  exitWithError(error);
}
