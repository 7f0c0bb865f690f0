import { AppError } from "../errors/app-error";
import { requestClientAddress } from "../http/request-client-address";
import { log } from "../log";
import { getRateLimiters } from "../rate-limit/app-rate-limiters";

/**
 * Password-reset requests behind two limits kept in PostgreSQL: 3 per address per hour and 20 per client per hour.
 * The address is counted whether or not an account uses it, so the limit says nothing about who is registered.
 */
export async function assertPasswordResetAllowed(request: Request, email: string): Promise<void> {
  const limiters = getRateLimiters();
  const [byAccount, byAddress] = await Promise.all([
    limiters.passwordResetsByAccount.consume(email),
    limiters.passwordResetsByIp.consume(requestClientAddress(request)),
  ]);
  const blocked = [byAccount, byAddress].find((decision) => !decision.allowed);
  if (blocked) {
    log.warn("auth.password_reset_rate_limited", { byAccount: !byAccount.allowed, byAddress: !byAddress.allowed });
    throw new AppError("rate_limited", "Too many password-reset requests; try again later", { retryAfterSeconds: blocked.retryAfterSeconds });
  }
}
