import { existsSync } from "node:fs";

/** Loads .env into process.env for CLI scripts (Next.js loads it for the app itself); real variables win. */
export function loadDotEnv(file = ".env") {
  if (existsSync(file)) process.loadEnvFile(file);
}
