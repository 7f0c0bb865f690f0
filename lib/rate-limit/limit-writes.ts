import type { Actor } from "../authz/actor";
import { AppError } from "../errors/app-error";
import { getRateLimiters } from "./app-rate-limiters";

/**
 * Counts a new note, reply or flag against its writer: 120 an hour, then 429 with Retry-After. A flood of pending
 * items or flags would otherwise reach every reviewer's notifications (and mail). Anonymous writers are refused by
 * the policy before this is reached, so only signed-in users are counted.
 */
export async function assertWriteAllowed(actor: Actor): Promise<void> {
  if (actor.kind !== "user") return;
  const decision = await getRateLimiters().writesByUser.consume(actor.id);
  if (!decision.allowed) {
    throw new AppError("rate_limited", "You have written a lot in the last hour; try again later", {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
