import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type DatabaseClientOptions = {
  connectionString: string;
  poolMax?: number;
  /** pg waits forever for a connection by default; a health check must fail fast instead. */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
};

/**
 * For scripts and tests, whose statements (seeding, re-rendering 100,000 notes, building test states on two busy
 * cores) may take longer than a request's budget; the app's own client uses DB_STATEMENT_TIMEOUT_MS.
 */
export const MAINTENANCE_TIMEOUTS = { statementTimeoutMs: 120_000, connectTimeoutMs: 10_000 } as const;

export function createPrismaClient(options: DatabaseClientOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 1500,
    statement_timeout: options.statementTimeoutMs ?? 1500,
    // The client's own limit, for a server that accepts but never answers: just above the server's.
    query_timeout: (options.statementTimeoutMs ?? 1500) + 500,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
export type { Prisma } from "./generated/client";
