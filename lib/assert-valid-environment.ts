import { EnvError, parseServerEnv } from "./env";

/** Stops the process with one line per bad variable; Node.js only (it calls process.exit). */
export function assertValidEnvironment() {
  try {
    parseServerEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    for (const issue of error.issues) {
      console.error(`marginalia: invalid environment variable ${issue.variable}: ${issue.message} (see .env.example)`);
    }
    process.exit(1);
  }
}
