import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/lib/free-port";

// Issue #13: graceful shutdown. It starts a second production server of its own, so it runs in a project of its own
// after every other spec (playwright.config.ts), with the machine otherwise quiet.

test("SIGTERM lets the request in flight finish, then the server exits 0", async ({ baseURL }) => {
  // A second production server starts here, beside the suite's: slow on two shared cores.
  test.setTimeout(240_000);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [".next/marginalia-server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // Read what it says (a full pipe would block the server), to show it if the test fails.
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let lastSeen = "";
  try {
    await expect
      .poll(async () => {
        // A server that died while starting says why at once, instead of a poll that runs out.
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
        const status = (await fetch(`${origin}/api/health`).catch(() => null))?.status ?? 0;
        if (status !== 200) lastSeen = `health ${status}; server output: ${stderr.slice(-1500)}`;
        return status;
      }, { timeout: 120_000, message: "the second server never answered /api/health" })
      .toBe(200);
    // A request whose body arrives in two parts, with SIGTERM in between: it is in flight when the signal comes.
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    const body = JSON.stringify({ email: `sigterm-${Date.now()}@example.org` });
    socket.write(`POST /api/account/password-reset HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    // No new connections once shutting down.
    expect(await fetch(`${origin}/api/health`).then(() => "answered", () => "refused")).toBe("refused");
    socket.write(body.slice(5));
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    // Answered (202, or 429 if this machine's address used its hourly resets), not cut off.
    expect(answer).toMatch(/^HTTP\/1\.1 (202|429)/);
    expect(await exited, stderr).toBe(0);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${lastSeen}`);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  void baseURL;
});
