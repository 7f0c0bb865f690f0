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
