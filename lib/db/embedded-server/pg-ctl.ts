import { execFileSync, spawn } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresBinaries } from "./postgres-binaries";
import type { OsUser } from "./server-os-user";

type RunResult = { code: number | null; output: string };

/** Runs one of the server's programs, as the server's user when we are root; never inherits the terminal. */
async function run(file: string, args: string[], user: OsUser | null, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      stdio: ["ignore", "pipe", "pipe"],
      // The server's messages are matched and logged in English whatever the machine's language.
      env: { ...process.env, LC_MESSAGES: "C", LANG: "C" },
      // Its own process group: Ctrl-C in the terminal reaches npm start, which stops the server in order.
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.trim() });
    });
  });
}

/** The best UTF-8 locale the machine has; C.UTF-8 is what CI's server and Debian's clusters use. */
function bestLocale(): string {
  try {
    const locales = new Set(execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").map((name) => name.trim()));
    for (const name of ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]) if (locales.has(name)) return name;
  } catch {
    // no `locale` program: fall through
  }
  return "C";
}

function giveTo(file: string, user: OsUser | null) {
  if (user) chownSync(file, user.uid, user.gid);
}

/**
 * Creates a data folder with initdb: UTF-8, password (SCRAM) authentication for a `postgres` superuser, and a server
 * that listens on 127.0.0.1 only, with no Unix socket (its path would depend on the folder's length and permissions).
 */
export async function initialiseDataFolder(options: { dataDir: string; password: string; user: OsUser | null }): Promise<void> {
  const { dataDir, password, user } = options;
  const { initdb } = await postgresBinaries();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  giveTo(dataDir, user);
  // initdb reads the password from a file; it lives beside the data folder for the second it takes.
  const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  giveTo(passwordFile, user);
  try {
    const locale = bestLocale();
    const result = await run(
      initdb,
      [`--pgdata=${dataDir}`, "--username=postgres", `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", `--locale=${locale}`, "--lc-messages=C"],
      user,
    );
    if (result.code !== 0) throw new Error(`initdb failed: ${lastLines(result.output, 3)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  const settings = [
    "",
    "# Marginalia's embedded server (lib/db/embedded-server): this machine only, over TCP.",
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "max_connections = 100",
    "",
  ].join("\n");
  writeFileSync(path.join(dataDir, "postgresql.conf"), readFileSync(path.join(dataDir, "postgresql.conf"), "utf8") + settings);
}

export type StartResult = { ok: true } | { ok: false; timedOut: boolean; reason: string };

/**
 * Starts the server detached (pg_ctl start), its messages appended to `logFile`, and waits until it accepts
 * connections or `timeoutMs` passes. A server that did not come up in time is stopped again, so nothing is left
 * running behind a failed start.
 */
export async function startServer(options: {
  dataDir: string;
  logFile: string;
  port: number;
  user: OsUser | null;
  timeoutMs: number;
  extraSettings?: string[];
}): Promise<StartResult> {
  const { dataDir, logFile, port, user, timeoutMs } = options;
  const { pgCtl } = await postgresBinaries();
  closeSync(openSync(logFile, "a"));
  giveTo(logFile, user);
  const logStart = statSync(logFile).size;
  const serverOptions = [`-p ${port}`, ...(options.extraSettings ?? []).map((setting) => `-c ${setting}`)].join(" ");
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const result = await run(pgCtl, ["start", "-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", String(seconds)], user, timeoutMs + 10_000);
  if (result.code === 0) return { ok: true };
  const timedOut = /did not start in time|still starting up/i.test(result.output);
  if (timedOut) await stopServer({ dataDir, user, mode: "immediate" });
  return { ok: false, timedOut, reason: serverLogReason(logFile, logStart) ?? lastLines(result.output, 1) };
}

/** Stops the server of this data folder and waits for it: "fast" rolls back open transactions and shuts down cleanly. */
export async function stopServer(options: { dataDir: string; user: OsUser | null; mode?: "fast" | "immediate" }): Promise<void> {
  if (!existsSync(path.join(options.dataDir, "postmaster.pid"))) return;
  const { pgCtl } = await postgresBinaries();
  await run(pgCtl, ["stop", "-D", options.dataDir, "-m", options.mode ?? "fast", "-w", "-t", "30"], options.user);
}

/** The first FATAL/PANIC/ERROR line the server wrote since `from`, without its prefix: why it did not start. */
function serverLogReason(logFile: string, from: number): string | null {
  let text: string;
  try {
    text = readFileSync(logFile, "utf8").slice(from);
  } catch {
    return null;
  }
  const line = text.split("\n").find((candidate) => /\b(FATAL|PANIC|ERROR):/.test(candidate));
  return line ? line.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, "") : null;
}

function lastLines(text: string, count: number): string {
  return text.split("\n").filter(Boolean).slice(-count).join(" ").slice(0, 400) || "no output";
}
