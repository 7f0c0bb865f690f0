import { takeSchemaEnginePanic } from "./load-schema-engine";

/** A migration step failed; `message` says what went wrong in one line, `hint` how to fix it. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

// The engine reports only prose (no error codes cross the WASM boundary), so the hint is chosen by its wording.
const HINTS: [RegExp, string][] = [
  [
    /can't reach database server|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout expired|timed out/i,
    "start the database server, or fix the host and port in DATABASE_URL",
  ],
  [/authentication failed|password authentication|no pg_hba\.conf entry/i, "fix the user and password in DATABASE_URL"],
  [/database .* does not exist/i, "create that database, or fix its name in DATABASE_URL"],
  [
    /found failed migrations|P3009/i,
    "a previous attempt failed and is recorded in _prisma_migrations: fix the cause, set rolled_back_at = now() on its row (what `prisma migrate resolve --rolled-back` does), then run again",
  ],
  [
    /migration failed to apply|Migration name:/i,
    "fix the migration's SQL or the data it trips on; the attempt is recorded as failed in _prisma_migrations and must be marked rolled back (rolled_back_at = now()) before the next run",
  ],
  [/permission denied|must be owner/i, "give the database user the privileges the migration needs (CREATEDB for a shadow database)"],
];

/** Turns whatever the engine, pg or PGlite threw into a MigrationError with a one-line message. */
export function toMigrationError(doing: string, error: unknown): MigrationError {
  if (error instanceof MigrationError) return error;
  const panic = takeSchemaEnginePanic(error);
  if (panic) {
    return new MigrationError(
      `${doing}: the schema engine crashed (${oneLine(panic)})`,
      "run the command again in a new process; if it repeats, report it with the migration involved",
      { cause: error },
    );
  }
  const detail = oneLine(error instanceof Error ? error.message : String(error));
  const hint = HINTS.find(([pattern]) => pattern.test(detail))?.[1] ?? "see the database's message above";
  return new MigrationError(`${doing}: ${detail}`, hint, { cause: error });
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}
