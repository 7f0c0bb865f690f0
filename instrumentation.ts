// Runs once when a server process starts: a bad environment stops it with a message naming the variable; then the
// process's background work starts (the mail worker), with a way for scripts/serve.ts to stop it on shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidEnvironment } = await import("./lib/assert-valid-environment");
    assertValidEnvironment();
    const { startBackgroundWork } = await import("./lib/background-work");
    startBackgroundWork();
  }
}

/**
 * Next.js reports here every error a page or route raised. A page cannot choose its status (it answers 500), so a
 * database outage is noted for scripts/serve.ts, which answers such a page 503 with Retry-After instead.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseOutage } = await import("./lib/db/database-outage");
  noteDatabaseOutage(error);
}
