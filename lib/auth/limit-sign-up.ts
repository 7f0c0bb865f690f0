import { AppError } from "../errors/app-error";
import { requestClientAddress } from "../http/request-client-address";
import { getRateLimiters } from "../rate-limit/app-rate-limiters";

/** Counts a sign-up attempt against the client's address: 20 an hour, then 429 with Retry-After. */
export async function assertSignUpAllowed(request: Request): Promise<void> {
  const decision = await getRateLimiters().signUpsByIp.consume(requestClientAddress(request));
  if (!decision.allowed) {
    throw new AppError("rate_limited", "Too many sign-ups from your network; try again later", {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
