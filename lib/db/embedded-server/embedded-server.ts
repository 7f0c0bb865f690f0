import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OperatorError } from "../../errors/operator-error";
import { freePort, isPortFree } from "../../net/ports";
import { assertEmptyOrCluster, assertSameMajor, assertWritableFolder, dataFolderMajor } from "./data-folder";
import { initialiseDataFolder, startServer, stopServer } from "./pg-ctl";
import { findRunningServer, isAlive } from "./running-server";
import { serverOsUser } from "./server-os-user";

export type EmbeddedServerOptions = {
  /** The folder that holds everything: `postgres/` (PostgreSQL's data), `postgres.log`, `embedded-postgres.json`. */
  folder: string;
  /** A port the user asked for: it must be free. Otherwise the port used last time, or any free one. */
  port?: number;
  /** How long the server may take to accept connections (30 s by default). */
  startTimeoutMs?: number;
  /** Settings for a throw-away server (tests): durability off. */
  extraSettings?: string[];
};

export type EmbeddedServer = {
  /** A postgresql:// URL for a database on it (`postgres` by default). */
  url: (database?: string) => string;
  port: number;
  /** started: by us now; adopted: left running by a process that died; joined: another live process owns it. */
  how: "started" | "adopted" | "joined";
  /** The process that stops it (this one unless joined). */
  ownerPid: number;
  /** Stops the server if this process owns it; a joined server is left to its owner. */
  stop: () => Promise<void>;
};

type State = { password: string; port?: number; ownerPid?: number };

export function embeddedPaths(folder: string) {
  return {
    dataDir: path.join(folder, "postgres"),
    logFile: path.join(folder, "postgres.log"),
    stateFile: path.join(folder, "embedded-postgres.json"),
  };
}

function readState(stateFile: string): State | null {
  try {
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as State;
    return typeof state.password === "string" ? state : null;
  } catch {
    return null;
  }
}

function writeState(stateFile: string, state: State): void {
  writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
}

function urlFor(port: number, password: string, database = "postgres"): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}?sslmode=disable`;
}

/**
 * PostgreSQL's own server (the binaries of the `embedded-postgres` package), with its data in `folder`. Only one
 * server ever runs on a data folder (PostgreSQL's postmaster.pid guarantees it; we read it first):
 * - none runs: start one (initialising the folder the first time), on the port asked for, the port recorded last
 *   time if it is free, or any free port, and record it;
 * - one runs and the process that started it is alive (a second `npm start`, `npm run db:migrate` beside it): join;
 * - one runs but its owner is gone (killed with SIGKILL, crashed): adopt it, and stop it when this process ends.
 * Bad data folders stop here with an OperatorError before anything in them is changed.
 */
export async function openEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir, logFile, stateFile } = embeddedPaths(options.folder);
  assertWritableFolder(options.folder);
  assertSameMajor(dataDir);
  assertEmptyOrCluster(dataDir);
  const user = serverOsUser();
  let state = readState(stateFile);
  const initialised = dataFolderMajor(dataDir) !== null;
  if (initialised && !state) {
    throw new OperatorError(
      `${dataDir} holds a database, but ${stateFile} (its password) is missing or damaged`,
      `restore ${stateFile}, or move ${dataDir} away to start afresh; nothing was changed`,
    );
  }

  const owned = (port: number, how: "started" | "adopted"): EmbeddedServer => {
    writeState(stateFile, { ...state!, port, ownerPid: process.pid });
    let stopped = false;
    return {
      url: (database) => urlFor(port, state!.password, database),
      port,
      how,
      ownerPid: process.pid,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await stopServer({ dataDir, user });
        const latest = readState(stateFile);
        if (latest?.ownerPid === process.pid) writeState(stateFile, { ...latest, ownerPid: undefined });
      },
    };
  };

  for (let attempt = 0; ; attempt += 1) {
    const running = findRunningServer(dataDir);
    if (running) {
      const ownerPid = state?.ownerPid;
      if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
        return { url: (database) => urlFor(running.port, state!.password, database), port: running.port, how: "joined", ownerPid, stop: async () => {} };
      }
      if (options.port && options.port !== running.port) {
        await stopServer({ dataDir, user });
      } else {
        return owned(running.port, "adopted");
      }
    }

    if (!initialised && !state) {
      state = { password: randomBytes(24).toString("base64url") };
      writeState(stateFile, state);
    }
    let port: number;
    if (options.port) {
      if (!(await isPortFree(options.port))) {
        throw new OperatorError(
          `port ${options.port} (EMBEDDED_DB_PORT) is already in use`,
          "stop whatever is using it, or unset EMBEDDED_DB_PORT to let the embedded database choose a free port",
        );
      }
      port = options.port;
    } else {
      port = state!.port && (await isPortFree(state!.port)) ? state!.port : await freePort();
    }
    if (dataFolderMajor(dataDir) === null) await initialiseDataFolder({ dataDir, password: state!.password, user });
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const result = await startServer({ dataDir, logFile, port, user, timeoutMs, extraSettings: options.extraSettings });
    if (result.ok) return owned(port, "started");
    // Another process started it between our look and our start, or took the port: look again, once.
    if (attempt === 0 && !result.timedOut && (findRunningServer(dataDir) || /could not bind|already in use|lock file/i.test(result.reason))) continue;
    if (result.timedOut) {
      throw new OperatorError(
        `the embedded PostgreSQL did not accept connections within ${Math.round(timeoutMs / 1000)} s (it was stopped again)`,
        `see ${logFile}; a slow disk may need EMBEDDED_DB_START_TIMEOUT_MS=60000`,
      );
    }
    throw new OperatorError(`the embedded PostgreSQL did not start: ${result.reason}`, `see ${logFile}`);
  }
}
