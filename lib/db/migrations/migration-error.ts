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

// `prisma migrate resolve --rolled-back` needs the native engine too; this is the row change it makes. The
// failed script itself left nothing behind: PostgreSQL ran it as one implicit transaction.
const markRolledBack = (name: string) =>
  `fix the migration, then run UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
  `WHERE migration_name = '${name}' AND finished_at IS NULL ` +
  "(what `prisma migrate resolve --rolled-back` does) and migrate again";

// The engine reports only prose (no error codes cross the WASM boundary), so the hint is chosen by its wording.
const HINTS: [RegExp, (migration: string) => string][] = [
  [/found failed migrations/i, markRolledBack],
  [/^migration \S+ failed/, markRolledBack],
  [
    /can't reach database server|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout expired|timed out/i,
    () => "start the database server, or fix the host and port in DATABASE_URL",
  ],
  [/authentication failed|denied access|no pg_hba\.conf entry/i, () => "fix the user and password in DATABASE_URL"],
  [/database .* does not exist/i, () => "create that database, or fix its name in DATABASE_URL"],
  [
    /shadow database|permission denied/i,
    () => "the database user needs the CREATEDB privilege (for the scratch shadow database) and rights on the schema",
  ],
];

/** Turns whatever the engine or pg threw into a MigrationError with a one-line message. */
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
  const text = error instanceof Error ? error.message : String(error);
  // After the message the engine appends a Rust span trace ("   0: sql_schema_connector::…"); it names the
  // migration that failed and nothing else a reader needs.
  const [summary = "", trace = ""] = text.split(/\n\s*0: /, 2);
  const migration =
    /migration_name="([^"]+)"/.exec(trace)?.[1] ?? /The `([^`]+)` migration started at/.exec(summary)?.[1] ?? "";
  let detail = oneLine(summary).replace(/^external connector error\s*/i, "");
  if (/migration_name=/.test(trace) && migration) detail = `migration ${migration} failed: ${detail}`;
  const hint = HINTS.find(([pattern]) => pattern.test(detail))?.[1](migration || "<name>");
  return new MigrationError(`${doing}: ${detail}`, hint ?? "see the database's message", { cause: error });
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}
