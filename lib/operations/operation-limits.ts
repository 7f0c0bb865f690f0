import type { Actor } from "../authz/actor";
import { AppError } from "../errors/app-error";
import { log } from "../log";
import { countedWrite } from "../rate-limit/limit-writes";
import { getRateLimiters } from "../rate-limit/app-rate-limiters";

/**
 * The rate limits an operation can name in its definition, so that every entry point of the operation (route,
 * server action, script) counts the same way:
 * - "writes": a new note, reply, flag or import, 120 an hour per writer, refunded when refused (lib/rate-limit/limit-writes.ts);
 * - "sign-ups": 20 an hour per client address;
 * - "password-resets": 3 an hour per address asked for (the definition's limitKey; counted whether or not an account
 *   uses it, so the limit says nothing about who is registered) and 20 an hour per client address.
 */
export type OperationLimit = "writes" | "sign-ups" | "password-resets";

export async function limitOperation<T>(
  limit: OperationLimit | undefined,
  actor: Actor,
  clientAddress: string | undefined,
  run: () => Promise<T>,
  /** What a per-account limit counts (the definition's limitKey of its input). */
  key?: string,
): Promise<T> {
  if (!limit) return run();
  if (limit === "writes") return countedWrite(actor, run);
  if (!clientAddress) throw new Error(`operation limit "${limit}" needs the client's address`);
  const limiters = getRateLimiters();
  if (limit === "sign-ups") {
    const decision = await limiters.signUpsByIp.consume(clientAddress);
    if (!decision.allowed) {
      throw new AppError("rate_limited", "Too many sign-ups from your network; try again later", { retryAfterSeconds: decision.retryAfterSeconds });
    }
    return run();
  }
  if (!key) throw new Error(`operation limit "${limit}" needs a key (the definition's limitKey)`);
  const [byAccount, byAddress] = await Promise.all([limiters.passwordResetsByAccount.consume(key), limiters.passwordResetsByIp.consume(clientAddress)]);
  const blocked = [byAccount, byAddress].find((decision) => !decision.allowed);
  if (blocked) {
    log.warn("auth.password_reset_rate_limited", { byAccount: !byAccount.allowed, byAddress: !byAddress.allowed });
    throw new AppError("rate_limited", "Too many password-reset requests; try again later", { retryAfterSeconds: blocked.retryAfterSeconds });
  }
  return run();
}
