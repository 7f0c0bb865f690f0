import { ZodError } from "zod";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors/app-error";
import { getRateLimiters } from "./app-rate-limiters";

/**
 * A new note, reply or flag, counted against its writer: 120 an hour, then 429 with Retry-After. A flood of pending
 * items or flags would otherwise reach every reviewer's notifications (and mail). Anonymous writers are refused by
 * the policy, so only signed-in users are counted.
 *
 * The write is counted before it runs (so parallel writes cannot slip past the limit) and refunded when it is
 * refused (bad input, forbidden, not found, a conflict): only writes that happened use the budget.
 */
export async function countedWrite<T>(actor: Actor, write: () => Promise<T>): Promise<T> {
  if (actor.kind !== "user") return write();
  const limiter = getRateLimiters().writesByUser;
  const decision = await limiter.consume(actor.id);
  if (!decision.allowed) {
    throw new AppError("rate_limited", "You have written a lot in the last hour; try again later", {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError || error instanceof ZodError) await limiter.refund(actor.id);
    throw error;
  }
}
