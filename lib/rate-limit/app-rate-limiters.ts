import pg from "pg";
import { serverEnv } from "../env";
import { log } from "../log";
import { createRateLimiters, type RateLimiters } from "./rate-limiters";

// One set of limiters (and one small pool) per server process, built on first use; survives hot reloads in development.
const holder = globalThis as unknown as { marginaliaRateLimiters?: RateLimiters; marginaliaRateLimitPool?: pg.Pool };

/** The app's rate limiters, counting in the database at DATABASE_URL. */
export function getRateLimiters(): RateLimiters {
  if (!holder.marginaliaRateLimiters) {
    const env = serverEnv();
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DB_RATE_LIMIT_POOL_MAX,
      // A sign-in must not hang on a database that does not answer.
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 500,
      // Scripts that use the limiters can exit without closing the pool.
      allowExitOnIdle: true,
    });
    // An idle connection that breaks (database restarted) must not crash the process; the pool replaces it.
    pool.on("error", (error) => log.warn("rate-limit.pool-error", { error }));
    holder.marginaliaRateLimitPool = pool; // closed on shutdown (lib/background-work.ts)
    holder.marginaliaRateLimiters = createRateLimiters(pool);
  }
  return holder.marginaliaRateLimiters;
}
