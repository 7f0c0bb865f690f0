import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { freePort } from "./free-port";
import { SERVER_ENTRY } from "./build-server";
import { waitForHealthy } from "./wait-for-healthy";

export type BenchApp = { base: string; child: ChildProcess; stop: () => Promise<void> };

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null) return;
  child.kill(signal);
  await new Promise((resolve) => child.once("exit", resolve));
}

/** The production server on a free port against `databaseUrl`, answering /api/health; quiet but for warnings. */
export async function serveForBench(databaseUrl: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(`${base}/api/health`, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { base, child, stop: () => stopChild(child) };
}
