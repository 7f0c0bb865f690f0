import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { parseIpAddress } from "./client-address";
import { RATE_LIMITS, type TRateLimit, type TRateLimitKeyKind, type TRateLimitName } from "./limits";

/*
 * Counters live in the `rate_limits` table (prisma/schema.prisma, model RateLimit), so every app process sharing the
 * database shares them. rate-limiter-flexible's PostgreSQL store adds one point with a single
 * `INSERT … ON CONFLICT (key) DO UPDATE … RETURNING points, expire`, which PostgreSQL runs atomically per row: two
 * processes consuming at once each see their own count and no failure is lost.
 *
 * The clock: the library has no clock option. It reads `Date.now()` in this process (RateLimiterPostgres.js: the
 * window end `Date.now() + duration` and the "has it expired" comparison in `_upsert`, the expiry filter in `_get`,
 * `msBeforeNext` in `_getRateLimiterRes`) and stores the window end as epoch milliseconds in `rate_limits.expire`;
 * it never reads the database's `now()`. So tests move time with `vi.useFakeTimers({ toFake: ["Date"] })` and
 * `vi.setSystemTime(…)` (faking only Date, so pg's sockets and timers run normally), and several app servers must
 * keep their clocks in sync (NTP), as they share windows.
 */

export type RateLimitDecision = {
  allowed: boolean;
  /** Whole seconds until the window ends, for a Retry-After header; 0 when allowed. */
  retryAfterSeconds: number;
};

export type RateLimiter = {
  /** Whether one more event may happen now, without counting one. Refused once the window already holds `points`. */
  check: (key: string) => Promise<RateLimitDecision>;
  /** Counts one event; refused when it is past the limit (the `points + 1`-th in the window and every later one). */
  consume: (key: string) => Promise<RateLimitDecision>;
  /** Forgets the key's window, e.g. the account's failures after a successful sign-in. */
  reset: (key: string) => Promise<void>;
  /** Gives back one event counted by `consume` (counted first, to be atomic, and then found not to count). */
  refund: (key: string) => Promise<void>;
};

export type RateLimiters = Record<TRateLimitName, RateLimiter>;

/**
 * The rate limiters of the app, counting in `rate_limits` through `pool`. Keys are the raw values: an email for
 * account limits, a client address (see clientAddress) for IP limits; they are normalised here.
 * Database errors reject the promises: the caller decides whether to fail open or closed.
 */
export function createRateLimiters(pool: pg.Pool): RateLimiters {
  const store = unnamedStatements(pool);
  const entries = Object.entries(RATE_LIMITS) as [TRateLimitName, TRateLimit][];
  // The limiters share one table, and each would otherwise schedule its own sweep of the same expired rows.
  return Object.fromEntries(
    entries.map(([name, limit], index) => [name, createRateLimiter(store, limit, { sweepExpired: index === 0 })]),
  ) as RateLimiters;
}

/** Account keys: the email trimmed, NFC-normalised and lower-cased, then SHA-256, so no address is stored in clear. */
export function normaliseAccountKey(email: string): string {
  return sha256(email.normalize("NFC").trim().toLowerCase());
}

/**
 * IP keys: the canonical address (IPv4-mapped IPv6 as IPv4). IPv6 clients are counted per /64, the block a single
 * host or home line usually gets, so rotating addresses inside it does not reset the count. Anything that is not an
 * address (e.g. "unknown") is hashed, to keep the key short and well-formed.
 */
export function normaliseIpKey(address: string): string {
  const parsed = parseIpAddress(address);
  if (!parsed) return `other:${sha256(address.trim().toLowerCase())}`;
  if (parsed.kind() === "ipv4") return parsed.toString();
  const network = ipaddr.fromByteArray([...parsed.toByteArray().slice(0, 8), ...new Array<number>(8).fill(0)]);
  return `${(network as ipaddr.IPv6).toRFC5952String()}/64`;
}

function normaliseKey(kind: TRateLimitKeyKind, key: string): string {
  return kind === "account" ? normaliseAccountKey(key) : normaliseIpKey(key);
}

function createRateLimiter(store: StoreClient, limit: TRateLimit, options: { sweepExpired: boolean }): RateLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: store,
    storeType: "pool",
    tableName: "rate_limits",
    // The migration owns the table; the library's CREATE TABLE (same columns) is never run.
    tableCreated: true,
    // Deletes rows whose window ended over an hour ago, every 5 minutes (an unref'd timer).
    clearExpiredByTimeout: options.sweepExpired,
    keyPrefix: limit.keyPrefix,
    points: limit.points,
    duration: limit.durationSeconds,
  });

  return {
    async check(key) {
      const state = await limiter.get(normaliseKey(limit.keyKind, key));
      if (!state || state.consumedPoints < limit.points) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(state) };
    },
    async consume(key) {
      try {
        await limiter.consume(normaliseKey(limit.keyKind, key));
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        // The library rejects with its result object when the limit is exceeded, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfterSeconds(rejection) };
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(normaliseKey(limit.keyKind, key));
    },
    async refund(key) {
      await limiter.reward(normaliseKey(limit.keyKind, key), 1);
    },
  };
}

function retryAfterSeconds(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

type StoreClient = { query: (query: { text: string; values?: unknown[]; name?: string }) => Promise<pg.QueryResult> };

/**
 * The library names its prepared statements (`rate_limits:rlflx-upsert`, …). Statement names are per backend
 * session, which breaks where sessions are shared between clients, as PgBouncer in transaction mode does
 * ("prepared statement … already exists"). The queries are tiny, so they run unnamed.
 */
function unnamedStatements(pool: pg.Pool): StoreClient {
  return { query: ({ text, values }) => pool.query({ text, values }) };
}

function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
