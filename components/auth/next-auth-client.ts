"use client";

/** next-auth's CSRF token, which its POST endpoints require. */
export async function fetchCsrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Posts a hidden form: next-auth's OpenID sign-in is a top-level navigation that ends at the provider. */
export function submitHiddenForm(action: string, fields: Record<string, string>) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/** Starts the OpenID Connect sign-in (or, after /api/account/link-oidc, the linking of an identity). */
export async function startOidcSignIn(callbackUrl: string) {
  submitHiddenForm("/api/auth/signin/oidc", { csrfToken: await fetchCsrfToken(), callbackUrl });
}
