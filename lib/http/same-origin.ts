import { AppError } from "../errors/app-error";

/**
 * Refuses a state-changing request whose Origin is missing or foreign. Next.js checks this for server actions but
 * not for route handlers. The expected origin is APP_URL when set, else the origin the request was addressed to.
 */
export function assertSameOrigin(request: Request, appUrl?: string) {
  const origin = request.headers.get("origin");
  if (!origin) throw new AppError("forbidden", "Missing Origin header");
  const expected = new Set<string>();
  if (appUrl) expected.add(new URL(appUrl).origin);
  // Host, not X-Forwarded-Host: a cross-site page cannot set either, but only Host is set by the browser itself.
  const host = request.headers.get("host");
  if (host) expected.add(`${new URL(request.url).protocol}//${host}`);
  if (!expected.has(origin)) throw new AppError("forbidden", "Cross-site request refused");
}
