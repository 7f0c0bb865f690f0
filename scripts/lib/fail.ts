import { OperatorError } from "../../lib/errors/operator-error";

export { OperatorError };

export function step(message: string) {
  console.log(`marginalia: ${message}`);
}

/** Prints an error as one line (a stack only for errors we did not foresee) and exits. */
export function exitWithError(error: unknown): never {
  if (error instanceof OperatorError) {
    console.error(`marginalia: ${error.message}`);
  } else if (error instanceof Error && error.name === "MigrationError") {
    console.error(`marginalia: ${error.message} — ${(error as Error & { hint: string }).hint}`);
  } else if (error instanceof Error && error.name === "SourceFormatError") {
    console.error(`marginalia: the letter's source file is malformed: ${error.message} — restore it from git (git checkout content/) or fix the file; nothing was imported`);
  } else if (error instanceof Error && error.name === "EnvError") {
    console.error(`marginalia: invalid environment: ${error.message} — see .env.example`);
  } else {
    console.error(`marginalia: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
  }
  process.exit(1);
}
