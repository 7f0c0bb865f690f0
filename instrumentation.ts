// Runs once when a server process starts: a bad environment stops it with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidEnvironment } = await import("./lib/assert-valid-environment");
    assertValidEnvironment();
  }
}
