import pg from "pg";
import { log } from "../log";
import { createRateLimiters, type RateLimiters } from "./rate-limiters";

// One set of limiters (and one small pool) per server process, built on first use; survives hot reloads in development.
const holder = globalThis as unknown as { marginaliaRateLimiters?: RateLimiters };

/** The app's rate limiters, counting in the database at DATABASE_URL. */
export function getRateLimiters(): RateLimiters {
  if (!holder.marginaliaRateLimiters) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    const pool = new pg.Pool({
      connectionString,
      max: 4,
      // A sign-in must not hang on a database that does not answer.
      connectionTimeoutMillis: 3000,
      statement_timeout: 5000,
      query_timeout: 6000,
      // Scripts that use the limiters can exit without closing the pool.
      allowExitOnIdle: true,
    });
    // An idle connection that breaks (database restarted) must not crash the process; the pool replaces it.
    pool.on("error", (error) => log.warn("rate-limit.pool-error", { error }));
    holder.marginaliaRateLimiters = createRateLimiters(pool);
  }
  return holder.marginaliaRateLimiters;
}
