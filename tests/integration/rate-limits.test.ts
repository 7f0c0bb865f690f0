import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { createRateLimiters, type RateLimiters } from "@/lib/rate-limit/rate-limiters";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let pool: pg.Pool;
let limiters: RateLimiters;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // As the app's pool does (lib/rate-limit/app-rate-limiters.ts): a connection the server closes (the database is
  // dropped WITH (FORCE) at the end) is reported, not an uncaught error that fails the whole run.
  pool.on("error", (error) => console.warn(`rate-limits test pool: ${error.message}`));
  limiters = createRateLimiters(pool);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

// The limiters read Date.now() (see lib/rate-limit/rate-limiters.ts); only Date is faked, so pg's timers still run.
function freezeClock(at: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
}
const advanceClock = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
afterEach(() => vi.useRealTimers());

async function consumeTimes(count: number, consume: () => ReturnType<RateLimiters["signUpsByIp"]["consume"]>) {
  const decisions = [];
  for (let index = 0; index < count; index++) decisions.push(await consume());
  return decisions;
}

describe("failed sign-ins per account", () => {
  const limit = RATE_LIMITS.signInFailuresByAccount;

  it("refuses the 11th failure within 15 minutes with a Retry-After, leaves other accounts alone, and allows again after the window", async () => {
    freezeClock("2026-11-25T12:00:00Z");
    const byAccount = limiters.signInFailuresByAccount;

    const first = await consumeTimes(limit.points, () => byAccount.consume("Reader@Example.org"));
    expect(first.every((decision) => decision.allowed)).toBe(true);
    expect(await byAccount.check("reader@example.org")).toEqual({ allowed: false, retryAfterSeconds: 900 });

    advanceClock(60);
    // The same account however it is typed.
    const eleventh = await byAccount.consume("  READER@example.org ");
    expect(eleventh.allowed).toBe(false);
    expect(eleventh.retryAfterSeconds).toBe(840);

    expect(await byAccount.check("someone-else@example.org")).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await byAccount.consume("someone-else@example.org")).toEqual({ allowed: true, retryAfterSeconds: 0 });

    // Refusals do not lengthen the window: it ends 15 minutes after the first failure.
    advanceClock(14 * 60 - 1);
    expect(await byAccount.consume("reader@example.org")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advanceClock(2);
    expect(await byAccount.check("reader@example.org")).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await byAccount.consume("reader@example.org")).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("stores no email in clear, and reset forgets an account's failures", async () => {
    const byAccount = limiters.signInFailuresByAccount;
    await consumeTimes(limit.points + 1, () => byAccount.consume("forgetful@example.org"));
    expect((await byAccount.check("forgetful@example.org")).allowed).toBe(false);

    const { rows } = await pool.query<{ key: string }>("SELECT key FROM rate_limits");
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).not.toMatch(/@|example/i);

    await byAccount.reset("Forgetful@example.org");
    expect(await byAccount.check("forgetful@example.org")).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });
});

describe("per-user write limit", () => {
  it("refuses a user's 121st new note, reply or flag within the hour, not another user's", async () => {
    freezeClock("2026-11-25T13:00:00Z");
    const writes = limiters.writesByUser;
    const decisions = await consumeTimes(RATE_LIMITS.writesByUser.points + 1, () => writes.consume("0b9a1c1e-1111-4111-8111-111111111111"));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(120);
    expect(decisions.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
    expect((await writes.consume("0b9a1c1e-2222-4111-8111-111111111111")).allowed).toBe(true);
  });
});

describe("per-IP limits", () => {
  it("refuses the 21st sign-up from one IP within the hour, not another IP's", async () => {
    freezeClock("2026-11-25T12:00:00Z");
    const signUps = limiters.signUpsByIp;
    const decisions = await consumeTimes(RATE_LIMITS.signUpsByIp.points + 1, () => signUps.consume("203.0.113.9"));
    expect(decisions.slice(0, -1).every((decision) => decision.allowed)).toBe(true);
    expect(decisions.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
    expect(await signUps.consume("203.0.113.10")).toEqual({ allowed: true, retryAfterSeconds: 0 });

    advanceClock(3600);
    expect(await signUps.consume("203.0.113.9")).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("counts an IPv6 /64 as one client", async () => {
    const signUps = limiters.signUpsByIp;
    const decisions = await consumeTimes(RATE_LIMITS.signUpsByIp.points + 1, () =>
      signUps.consume(`2001:db8:7:7:${Math.floor(Math.random() * 0xffff).toString(16)}::1`),
    );
    expect(decisions.filter((decision) => !decision.allowed)).toHaveLength(1);
    expect((await signUps.check("2001:db8:7:8::1")).allowed).toBe(true);
  });

  it("refuses the 101st failed sign-in from one IP within the hour", async () => {
    const byIp = limiters.signInFailuresByIp;
    const decisions = await consumeTimes(RATE_LIMITS.signInFailuresByIp.points + 1, () => byIp.consume("198.51.100.7"));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(100);
    expect(decisions.at(-1)?.allowed).toBe(false);
  });
});

type ChildResult = { allowed: number; refused: number; retryAfterSeconds: number[] };

/** Starts the support script as a separate Node process; resolves once it is ready to consume. */
async function startAppProcess(databaseUrl: string, limit: string, key: string, count: number) {
  const script = path.join(import.meta.dirname, "support/consume-rate-limit.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, limit, key, String(count)], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const failed = () => new Error(`child process failed: ${stderr}`);

  const ready = await lines.next();
  if (ready.done || ready.value !== "ready") throw failed();
  return {
    run: async (): Promise<ChildResult> => {
      child.stdin.end("go\n");
      const result = await lines.next();
      if ((await exited) !== 0 || result.done) throw failed();
      return JSON.parse(result.value) as ChildResult;
    },
  };
}

describe("rate limits shared across app processes", () => {
  it(
    "two app processes share one account's failures: 6 + 5 at once, exactly 10 allowed",
    async () => {
      const account = "shared@example.org";
      const [first, second] = await Promise.all([
        startAppProcess(database.url, "signInFailuresByAccount", account, 6),
        startAppProcess(database.url, "signInFailuresByAccount", account, 5),
      ]);
      const results = await Promise.all([first.run(), second.run()]);

      expect(results[0].allowed + results[0].refused).toBe(6);
      expect(results[1].allowed + results[1].refused).toBe(5);
      expect(results[0].allowed + results[1].allowed).toBe(10);
      const refusals = [...results[0].retryAfterSeconds, ...results[1].retryAfterSeconds];
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toBeGreaterThan(0);
      expect(await limiters.signInFailuresByAccount.check(account)).toMatchObject({ allowed: false });
    },
  );
});
