import type { Actor } from "../authz/actor";
import { AppError } from "../errors/app-error";
import { countedWrite } from "../rate-limit/limit-writes";
import { getRateLimiters } from "../rate-limit/app-rate-limiters";

/**
 * The rate limits an operation can name in its definition, so that every entry point of the operation (route,
 * server action, script) counts the same way:
 * - "writes": a new note, reply, flag or import, 120 an hour per writer, refunded when refused (lib/rate-limit/limit-writes.ts);
 * - "sign-ups": 20 an hour per client address.
 */
export type OperationLimit = "writes" | "sign-ups";

export async function limitOperation<T>(limit: OperationLimit | undefined, actor: Actor, clientAddress: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!limit) return run();
  if (limit === "writes") return countedWrite(actor, run);
  if (!clientAddress) throw new Error(`operation limit "${limit}" needs the client's address`);
  const decision = await getRateLimiters().signUpsByIp.consume(clientAddress);
  if (!decision.allowed) {
    throw new AppError("rate_limited", "Too many sign-ups from your network; try again later", { retryAfterSeconds: decision.retryAfterSeconds });
  }
  return run();
}
