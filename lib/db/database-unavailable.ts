// Which failures mean "the database cannot serve us right now" (refused, unreachable, pool exhausted past its wait,
// shutting down, overloaded) rather than a fault in the request or in our code. Entry points answer those with 503
// and Retry-After (lib/http/error-response.ts), so a client backs off instead of seeing a 500.

/** Prisma's codes for an unreachable server, a timed-out connection or pool, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** The driver adapter's error kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "TooManyConnections", "ConnectionClosed", "SocketTimeout", "DatabaseDoesNotExist"]);
/** SQLSTATEs: connection exceptions (08…), too many connections, shutting down or starting up, statement timeout. */
const SQLSTATE = /^(08...|53300|57P01|57P02|57P03|57014)$/;
/** Node's socket errors and pg-pool's own messages, which carry no code. */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
// Prisma's interactive transactions time out (P2028) when the database does not answer in time.
const POOL_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|Unable to start a transaction in the given time|Transaction already closed/i;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const each = current as Inspectable;
    const code = typeof each.code === "string" ? each.code : undefined;
    if (code && (PRISMA_CODES.has(code) || NODE_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof each.kind === "string" && ADAPTER_KINDS.has(each.kind)) return true;
    if (typeof each.originalCode === "string" && SQLSTATE.test(each.originalCode)) return true;
    if (typeof each.message === "string" && POOL_MESSAGES.test(each.message)) return true;
    queue.push(each.cause, each.meta?.driverAdapterError);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return false;
}

/** What a client should wait before trying again, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
