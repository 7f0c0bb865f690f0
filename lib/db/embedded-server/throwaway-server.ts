import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openEmbeddedServer, type EmbeddedServer } from "./embedded-server";

/**
 * A server for one test run or benchmark: a new data folder under the system's temporary folder, durability off
 * (nothing in it outlives the run), removed with everything in it by `stop`.
 */
export async function startThrowawayServer(): Promise<EmbeddedServer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-pg-"));
  // mkdtemp makes it private to us; under root the server runs as `postgres`, which must reach its data folder.
  chmodSync(folder, 0o755);
  try {
    const server = await openEmbeddedServer({
      folder,
      extraSettings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"],
    });
    return {
      ...server,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
