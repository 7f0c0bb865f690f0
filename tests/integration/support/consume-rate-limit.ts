// One "app process" for rate-limits.test.ts: run with `node --import tsx`, DATABASE_URL in the environment and the
// arguments <limit name> <key> <count>. It builds the app's limiters (getRateLimiters), prints `ready`, waits for a
// line on stdin (so that two processes start together), consumes <count> points for <key> at once, prints one JSON
// line { allowed, refused, retryAfterSeconds[] } and exits.
import { createInterface } from "node:readline";
import { getRateLimiters } from "../../../lib/rate-limit/app-rate-limiters";
import { RATE_LIMITS, type TRateLimitName } from "../../../lib/rate-limit/limits";

const [name, key, countText] = process.argv.slice(2);
if (!(name in RATE_LIMITS) || !key || !/^\d+$/.test(countText ?? "")) {
  console.error("usage: consume-rate-limit.ts <limit name> <key> <count>");
  process.exit(2);
}
const limiter = getRateLimiters()[name as TRateLimitName];

const input = createInterface({ input: process.stdin });
console.log("ready");
await new Promise<void>((resolve) => input.once("line", () => resolve()));
input.close();

const decisions = await Promise.all(Array.from({ length: Number(countText) }, () => limiter.consume(key)));
console.log(
  JSON.stringify({
    allowed: decisions.filter((decision) => decision.allowed).length,
    refused: decisions.filter((decision) => !decision.allowed).length,
    retryAfterSeconds: decisions.filter((decision) => !decision.allowed).map((decision) => decision.retryAfterSeconds),
  }),
);
