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
  for (const outcome of await seedDatabase(database.url)) step(`seed: ${describeOutcome(outcome)}`);
  await database.close();
} catch (error) {
  await database?.close().catch(() => {});
  exitWithError(error);
}
