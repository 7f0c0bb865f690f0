// Runs once when a server process starts: a bad environment stops it with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseServerEnv, EnvError } = await import("./lib/env");
  try {
    parseServerEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      for (const issue of error.issues) console.error(`marginalia: invalid environment variable ${issue.variable}: ${issue.message}`);
      process.exit(1);
    }
    throw error;
  }
}
