import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "@/lib/net/ports";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The app's own pool (lib/db/prisma.ts) and limiter pool, built from the validated environment: one connection
// each and a short wait, so a single held connection exhausts them. Route handlers are called as Next calls them.
let db: TestDatabase;
const globals = globalThis as { marginaliaPrisma?: { $disconnect: () => Promise<void> }; marginaliaRateLimiters?: unknown };

async function resetApp(env: Record<string, string>) {
  await globals.marginaliaPrisma?.$disconnect();
  delete globals.marginaliaPrisma;
  delete globals.marginaliaRateLimiters;
  Object.assign(process.env, env);
  vi.resetModules();
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await globals.marginaliaPrisma?.$disconnect();
  await db?.drop();
});

describe("a database that cannot serve", () => {
  it("an exhausted pool (past DB_CONNECT_TIMEOUT_MS) answers 503 with Retry-After and the API's error shape", async () => {
    await resetApp({ DATABASE_URL: db.url, DB_POOL_MAX: "1", DB_CONNECT_TIMEOUT_MS: "200" });
    const { prisma } = await import("@/lib/db/prisma");
    const { GET } = await import("@/app/api/references/route");
    // The pool's only connection is held by a transaction until the request has been answered.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const hold = prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      holding();
      await released;
    }, { timeout: 20_000 });
    await held;
    try {
      const response = await GET(new Request("http://localhost/api/references"), undefined as never);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: "unavailable", message: expect.any(String) });
    } finally {
      release();
      await hold;
    }
    // Once the connection is back, the same request is answered.
    const again = await GET(new Request("http://localhost/api/references"), undefined as never);
    expect(again.status).toBe(200);
  });

  it("a database that refuses connections answers 503 with Retry-After on reads, on writes through the rate limiter, and on health", async () => {
    const port = await freePort(); // nothing listens there: connections are refused
    await resetApp({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nowhere`, DB_POOL_MAX: "1", DB_CONNECT_TIMEOUT_MS: "200", NEXTAUTH_URL: "http://localhost:3000" });
    const references = await import("@/app/api/references/route");
    const read = await references.GET(new Request("http://localhost/api/references"), undefined as never);
    expect(read.status).toBe(503);
    expect(read.headers.get("Retry-After")).toMatch(/^\d+$/);

    const signUp = await import("@/app/api/account/sign-up/route");
    const write = await signUp.POST(
      new Request("http://localhost:3000/api/account/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email: "new@example.org", password: "a long enough passphrase 1928", displayName: "New" }),
      }),
      undefined as never,
    );
    expect(write.status).toBe(503);
    expect(write.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await write.json()).toMatchObject({ error: "unavailable" });

    const health = await import("@/app/api/health/route");
    const answer = await health.GET(new Request("http://localhost/api/health"), undefined as never);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("the pool's client-side query_timeout is set beside the server's statement_timeout", async () => {
    await resetApp({ DATABASE_URL: db.url, DB_POOL_MAX: "2", DB_STATEMENT_TIMEOUT_MS: "300" });
    const { prisma } = await import("@/lib/db/prisma");
    const [row] = await prisma().$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`;
    expect(row.timeout).toBe("300ms");
  });
});
