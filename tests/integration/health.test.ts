import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";

// This test stops and restarts a database: always a PGlite instance of its own, never a shared server.
let dataDir: string;
let database: EmbeddedPostgres;
let GET: () => Promise<Response>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "marginalia-health-"));
  database = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = database.url;
  ({ GET } = await import("@/app/api/health/route"));
});

afterAll(async () => {
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function health() {
  const started = performance.now();
  const response = await GET();
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

describe("GET /api/health", () => {
  it("answers 200 while the database answers, 503 within 5 s once it is gone, and 200 when it is back", async () => {
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ db: "ok" });
    expect(up.body).not.toHaveProperty("reason");

    await database.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ db: "unavailable" });
    expect(down.ms).toBeLessThan(5000);

    database = await startEmbeddedPostgres({ dataDir, port: database.port });
    await expect.poll(async () => (await health()).status, { timeout: 15_000, interval: 200 }).toBe(200);
  });
});
