import { performance } from "node:perf_hooks";

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

/** Signs in over HTTP as a browser would; returns the session cookie and how long the credentials POST took. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<{ cookie: string; ms: number }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = performance.now();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/", json: "true" }),
  });
  const ms = performance.now() - started;
  const session = cookiesOf(response).find((cookie) => cookie.startsWith("__Host-marginalia.session="));
  if (!session) throw new Error(`sign-in for the benchmark failed (HTTP ${response.status})`);
  return { cookie: session, ms };
}
