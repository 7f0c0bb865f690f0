import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type DatabaseClientOptions = {
  connectionString: string;
  poolMax?: number;
  /** pg waits forever for a connection by default; a health check must fail fast instead. */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
};

export function createPrismaClient(options: DatabaseClientOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    statement_timeout: options.statementTimeoutMs ?? 5000,
    query_timeout: (options.statementTimeoutMs ?? 5000) + 1000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
export type { Prisma } from "./generated/client";
