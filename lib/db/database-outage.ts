import { isDatabaseUnavailable } from "./database-unavailable";

/** How long after a database failure a page's 500 is taken for that outage (and answered 503). */
const OUTAGE_WINDOW_MS = 5_000;
const holder = globalThis as { marginaliaDatabaseOutageAt?: number };

/** Called with every error a request raised (instrumentation.ts): remembers when the database last failed us. */
export function noteDatabaseOutage(error: unknown): void {
  if (isDatabaseUnavailable(error)) holder.marginaliaDatabaseOutageAt = Date.now();
}

/**
 * Whether the database failed a request a moment ago. scripts/serve.ts shares the process (and globalThis) with
 * Next's server code, so it reads the same value.
 */
export function databaseOutageRecent(now = Date.now()): boolean {
  const at = holder.marginaliaDatabaseOutageAt;
  return at !== undefined && now - at < OUTAGE_WINDOW_MS;
}
