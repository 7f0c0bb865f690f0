import { AppError } from "../errors/app-error";
import { requestClientAddress } from "../http/request-client-address";
import { log } from "../log";
import { getRateLimiters } from "../rate-limit/app-rate-limiters";

/** next-auth reports a refused credentials sign-in by an error in the URL it answers with. */
async function signInFailed(response: Response): Promise<boolean> {
  const location = response.headers.get("location");
  if (location) return new URL(location, "http://x").searchParams.has("error");
  if (response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => ({}))) as { url?: string };
    return !body.url || new URL(body.url, "http://x").searchParams.has("error");
  }
  return response.status >= 400;
}

/**
 * Password sign-in behind two limits kept in PostgreSQL: 10 failures per account per 15 minutes and 100 per address
 * per hour. Each attempt is counted before the password is checked (one atomic upsert per limit), so attempts made
 * at the same moment cannot all slip under the limit: of N parallel wrong passwords at most 10 are checked, the rest
 * answer 429 with Retry-After, whether or not the password is right. A success clears the account's count and gives
 * the address its point back; a refused attempt gives back what it counted, since no password was checked.
 */
export async function limitCredentialSignIn(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").slice(0, 254);
  const address = requestClientAddress(request);
  const limiters = getRateLimiters();
  const [byAccount, byAddress] = await Promise.all([
    email ? limiters.signInFailuresByAccount.consume(email) : { allowed: true, retryAfterSeconds: 0 },
    limiters.signInFailuresByIp.consume(address),
  ]);
  const blocked = [byAccount, byAddress].find((decision) => !decision.allowed);
  if (blocked) {
    await Promise.all([
      email && byAccount.allowed ? limiters.signInFailuresByAccount.refund(email) : null,
      byAddress.allowed ? limiters.signInFailuresByIp.refund(address) : null,
    ]);
    log.warn("auth.sign_in_rate_limited", { byAccount: !byAccount.allowed, byAddress: !byAddress.allowed });
    throw new AppError("rate_limited", "Too many failed sign-ins; try again later", { retryAfterSeconds: blocked.retryAfterSeconds });
  }
  const response = await signIn();
  if (!(await signInFailed(response))) {
    await Promise.all([email ? limiters.signInFailuresByAccount.reset(email) : null, limiters.signInFailuresByIp.refund(address)]);
  }
  return response;
}
