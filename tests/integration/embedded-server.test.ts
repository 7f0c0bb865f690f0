import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { embeddedPaths, openEmbeddedServer } from "@/lib/db/embedded-server/embedded-server";
import { findRunningServer, isAlive } from "@/lib/db/embedded-server/running-server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

type Held = { child: ChildProcess; how: string; port: number; ownerPid: number; url: string };

const children: ChildProcess[] = [];
let folder: string;

/** Starts the holder script on `folder` and waits for its one line. */
async function hold(): Promise<Held> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/hold-embedded-server.ts", folder], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`the holder exited without a line: ${stderr}`);
  return { child, ...(JSON.parse(first.value) as Omit<Held, "child">) };
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-embedded-"));
  chmodSync(folder, 0o755);
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited(child);
  }
});

afterAll(async () => {
  // Whatever a test left running on the folder (a killed holder's server) is stopped before the folder goes.
  const server = await openEmbeddedServer({ folder });
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("the embedded PostgreSQL server on one data folder", () => {
  it("is PostgreSQL 15, logs to postgres.log, and a second process beside a running one joins it (one server)", async () => {
    const first = await hold();
    expect(first.how).toBe("started");
    const { rows } = await sql(first.url, "SELECT current_setting('server_version_num')::int AS version");
    expect(Math.floor(rows[0].version / 10_000)).toBe(15);
    expect(readFileSync(embeddedPaths(folder).logFile, "utf8")).toMatch(/database system is ready to accept connections/);

    const second = await hold();
    expect(second.how).toBe("joined");
    expect(second.port).toBe(first.port);
    expect(second.ownerPid).toBe(first.child.pid);
    const running = findRunningServer(embeddedPaths(folder).dataDir)!;

    // The joined process leaves the server to its owner; the owner's SIGTERM stops it.
    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(isAlive(running.pid)).toBe(true);
    first.child.kill("SIGTERM");
    await exited(first.child);
    await expect.poll(() => isAlive(running.pid)).toBe(false);
    expect(existsSync(path.join(embeddedPaths(folder).dataDir, "postmaster.pid"))).toBe(false);
  });

  it("after its owner was killed with SIGKILL, the next start finds the server and reuses it, data intact", async () => {
    const first = await hold();
    await sql(first.url, "CREATE TABLE IF NOT EXISTS survives (value text); INSERT INTO survives VALUES ('before the kill')");
    const serverPid = findRunningServer(embeddedPaths(folder).dataDir)!.pid;
    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(isAlive(serverPid)).toBe(true);

    const next = await hold();
    expect(next.how).toBe("adopted");
    expect(next.port).toBe(first.port);
    expect(findRunningServer(embeddedPaths(folder).dataDir)!.pid).toBe(serverPid);
    const { rows } = await sql(next.url, "SELECT value FROM survives");
    expect(rows).toEqual([{ value: "before the kill" }]);

    // The adopter now owns it: its SIGTERM stops the server, and a later start starts a new one on the same data.
    next.child.kill("SIGTERM");
    await exited(next.child);
    await expect.poll(() => isAlive(serverPid)).toBe(false);
    const again = await hold();
    expect(again.how).toBe("started");
    expect((await sql(again.url, "SELECT count(*)::int AS n FROM survives")).rows[0].n).toBe(1);
  });

  it("after the server itself was killed, its stale postmaster.pid needs no cleaning: the next start starts it", async () => {
    const first = await hold();
    const serverPid = findRunningServer(embeddedPaths(folder).dataDir)!.pid;
    first.child.kill("SIGKILL");
    process.kill(serverPid, "SIGKILL");
    await exited(first.child);
    await expect.poll(() => isAlive(serverPid)).toBe(false);
    expect(existsSync(path.join(embeddedPaths(folder).dataDir, "postmaster.pid"))).toBe(true);

    const next = await hold();
    expect(next.how).toBe("started");
    expect((await sql(next.url, "SELECT value FROM survives")).rows).toEqual([{ value: "before the kill" }]);
  });
});

describe("concurrent connections", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it("more concurrent clients than the pool: each reads back exactly what it wrote, through pg and through Prisma", async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 48 }, async (_, index) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("SELECT set_config('app.mine', $1, true)", [`client-${index}`]);
            await client.query("SELECT pg_sleep(0.005)");
            const { rows } = await client.query<{ mine: string; echo: string }>(
              "SELECT current_setting('app.mine') AS mine, $1::text AS echo",
              [`echo-${index}`],
            );
            await client.query("COMMIT");
            return { index, ...rows[0] };
          } finally {
            client.release();
          }
        }),
      );
      for (const answer of answers) expect(answer).toEqual({ index: answer.index, mine: `client-${answer.index}`, echo: `echo-${answer.index}` });
    } finally {
      await pool.end();
    }

    // The app's own client (pool of 5 in tests): 40 interactive transactions at once.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT set_config('app.mine', ${`tx-${index}`}, true)`;
          const [row] = await tx.$queryRaw<{ mine: string }[]>`SELECT current_setting('app.mine') AS mine`;
          return { index, mine: row.mine };
        }),
      ),
    );
    for (const result of results) expect(result.mine).toBe(`tx-${result.index}`);
  });
});
