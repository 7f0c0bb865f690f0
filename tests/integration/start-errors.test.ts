import { spawn } from "node:child_process";
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedPaths, openEmbeddedServer } from "@/lib/db/embedded-server/embedded-server";
import { findRunningServer } from "@/lib/db/embedded-server/running-server";
import { freePort } from "@/lib/net/ports";

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

describe("npm start on a bad embedded data folder", () => {
  const folders: string[] = [];
  const dataFolder = () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-start-"));
    chmodSync(folder, 0o755);
    folders.push(folder);
    return folder;
  };
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const snapshot = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

  it("refuses a data folder of another PostgreSQL major version in one line, touching nothing", async () => {
    const folder = dataFolder();
    const { dataDir } = embeddedPaths(folder);
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, "PG_VERSION"), "16\n");
    writeFileSync(path.join(dataDir, "postgresql.conf"), "# a PostgreSQL 16 cluster\n");
    const before = snapshot(folder);
    const { code, stderr } = await start({ MARGINALIA_DATA_DIR: folder, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /holds data of PostgreSQL 16, but the embedded server is PostgreSQL 15 — .*pg_dump/);
    expect(snapshot(folder)).toEqual(before);
    expect(readFileSync(path.join(dataDir, "PG_VERSION"), "utf8")).toBe("16\n");
  });

  it("refuses a data folder it cannot write to in one line", async () => {
    // Root may write anywhere a mode allows nobody to, so "not writable" is a path that cannot be a folder.
    const file = path.join(dataFolder(), "not-a-folder");
    writeFileSync(file, "");
    const { code, stderr } = await start({ MARGINALIA_DATA_DIR: file, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /the data folder .*not-a-folder is not writable \(E[A-Z]+\) — .*MARGINALIA_DATA_DIR/);
  });

  it("refuses an EMBEDDED_DB_PORT that is in use in one line", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await start({ MARGINALIA_DATA_DIR: dataFolder(), EMBEDDED_DB_PORT: String(port), PORT: String(await freePort()) });
      expect(code).toBe(1);
      expectOneClearLine(stderr, new RegExp(`port ${port} \\(EMBEDDED_DB_PORT\\) is already in use — .*unset EMBEDDED_DB_PORT`));
    } finally {
      server.close();
    }
  });

  it("gives up on a server that does not come up in time, in one line, and leaves none running", async () => {
    const folder = dataFolder();
    const made = await openEmbeddedServer({ folder });
    await made.stop();
    // Archive recovery whose restore_command hangs: the server starts but never accepts connections.
    const { dataDir } = embeddedPaths(folder);
    writeFileSync(path.join(dataDir, "recovery.signal"), "");
    appendFileSync(path.join(dataDir, "postgresql.conf"), "restore_command = 'sleep 60'\n");
    const { code, stderr } = await start({ MARGINALIA_DATA_DIR: folder, EMBEDDED_DB_START_TIMEOUT_MS: "2000", PORT: String(await freePort()) });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /did not accept connections within 2 s \(it was stopped again\) — see .*postgres\.log/);
    expect(findRunningServer(dataDir)).toBeNull();
  });
});
