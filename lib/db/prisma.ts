import "server-only";
import { serverEnv } from "../env";
import { createPrismaClient, type PrismaClient } from "./create-prisma-client";

// One client (and pool) per server process; survives hot reloads in development.
const holder = globalThis as unknown as { marginaliaPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!holder.marginaliaPrisma) {
    const env = serverEnv();
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    holder.marginaliaPrisma = createPrismaClient({
      connectionString: env.DATABASE_URL,
      poolMax: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    });
  }
  return holder.marginaliaPrisma;
}
