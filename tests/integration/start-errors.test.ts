import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

/** Runs `npm start`'s script with a bad setting; resolves with its exit code and what it printed to stderr. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "", TEST_DATABASE_URL: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^marginalia: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("npm start on bad input", () => {
  it("stops with one line when DATABASE_URL does not answer", async () => {
    const { code, stderr } = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:9/nowhere", PORT: String(await freePort()) });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /nothing answers at 127\.0\.0\.1:9\/nowhere — start PostgreSQL or correct DATABASE_URL/);
  });

  it("stops with one line when the port is taken", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expectOneClearLine(stderr, new RegExp(`port ${port} is already in use — .*PORT=${port + 1} npm start`));
    } finally {
      server.close();
    }
  });

  it("stops with one line naming a bad variable", async () => {
    const { code, stderr } = await start({ PORT: "eighty" });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /PORT/);
  });
});
