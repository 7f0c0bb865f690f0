import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OperatorError } from "../../errors/operator-error";
import { EMBEDDED_POSTGRES_MAJOR } from "./postgres-binaries";

/** Stops with one line unless this process can create files in `folder` (made when missing). Nothing is changed. */
export function assertWritableFolder(folder: string): void {
  const probe = path.join(folder, `.write-test-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new OperatorError(
      `the data folder ${folder} is not writable (${code})`,
      `make it a folder this user may write to (chown/chmod ${folder}), or set MARGINALIA_DATA_DIR to another folder`,
    );
  }
}

/** The major version of the PostgreSQL that created this data folder, or null when it holds none yet. */
export function dataFolderMajor(dataDir: string): number | null {
  const file = path.join(dataDir, "PG_VERSION");
  if (!existsSync(file)) return null;
  return Number.parseInt(readFileSync(file, "utf8").trim(), 10);
}

/** A data folder of another major version cannot be opened by this server; refuse before anything touches it. */
export function assertSameMajor(dataDir: string): void {
  const major = dataFolderMajor(dataDir);
  if (major === null || major === EMBEDDED_POSTGRES_MAJOR) return;
  throw new OperatorError(
    `${dataDir} holds data of PostgreSQL ${Number.isNaN(major) ? "(unreadable PG_VERSION)" : major}, but the embedded server is PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}`,
    `dump it with that version's pg_dump and restore it here, or move ${dataDir} away to start afresh; nothing was changed`,
  );
}

/** A folder with files in it but no PG_VERSION is not a data folder we made: never initialise over it. */
export function assertEmptyOrCluster(dataDir: string): void {
  if (!existsSync(dataDir) || dataFolderMajor(dataDir) !== null) return;
  if (readdirSync(dataDir).length === 0) return;
  throw new OperatorError(
    `${dataDir} is not empty and holds no PostgreSQL data (no PG_VERSION)`,
    `move it away so that a new data folder can be made there; nothing was changed`,
  );
}
