"use client";

type SignInResult = { ok: true } | { ok: false; status: number; retryAfterSeconds?: number; message: string };

import { fetchCsrfToken } from "./next-auth-client";

/**
 * Signs in through next-auth's credentials callback, as its own signIn() does, but reads our 429 (with Retry-After)
 * that signIn() would not understand.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const body = new URLSearchParams({ email, password, csrfToken: await fetchCsrfToken(), callbackUrl: "/", json: "true" });
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get("Retry-After") ?? "0");
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return { ok: false, status: 429, retryAfterSeconds, message: `Too many failed sign-ins. Try again in about ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  if (!response.ok || !data.url || new URL(data.url, window.location.href).searchParams.has("error")) {
    return { ok: false, status: response.status === 200 ? 401 : response.status, message: "The email or the password is not right." };
  }
  return { ok: true };
}
