import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server/embedded-server";

// This test stops and restarts a database: always an embedded server of its own, never the run's shared one.
let folder: string;
let database: EmbeddedServer;
let GET: (request: Request, context: never) => Promise<Response>;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-health-"));
  chmodSync(folder, 0o755);
  database = await openEmbeddedServer({ folder });
  process.env.DATABASE_URL = database.url();
  ({ GET } = await import("@/app/api/health/route"));
});

afterAll(async () => {
  await database?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function health() {
  const started = performance.now();
  const response = await GET(new Request("http://localhost/api/health"), undefined as never);
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

    // The same folder again: the port recorded last time is reused, so the app's URL still holds.
    database = await openEmbeddedServer({ folder });
    expect(database.how).toBe("started");
    await expect.poll(async () => (await health()).status, { timeout: 15_000, interval: 200 }).toBe(200);
  });
});
