import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type RunningServer = { pid: number; port: number };

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's (the server runs as `postgres` when we are root, and may not when we are not).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

/** An exited process that nobody has reaped yet still answers kill(pid, 0); on Linux its state in /proc is Z. */
function isZombie(pid: number): boolean {
  if (os.platform() !== "linux") return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}

/** A live pid may have been reused by another program after a crash; on Linux /proc says which program it is. */
function isPostgres(pid: number): boolean {
  if (os.platform() !== "linux") return true;
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return false;
  }
}

/**
 * The server serving this data folder now, from its own lock file (`postmaster.pid`: pid on line 1, port on line 4),
 * or null. A lock file whose process is gone (the machine or the server was killed) is stale: it is removed, so
 * that it never needs cleaning by hand; PostgreSQL itself recovers the data on its next start.
 */
export function findRunningServer(dataDir: string): RunningServer | null {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return null;
  const lines = readFileSync(lockFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgres(pid)) {
    return Number.isInteger(port) && port > 0 ? { pid, port } : null;
  }
  rmSync(lockFile, { force: true });
  return null;
}
