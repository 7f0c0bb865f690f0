"use client";

import { useState } from "react";

/** Posts a hidden form, as next-auth's sign-in expects (a top-level navigation that ends at the provider). */
function submitHiddenForm(action: string, fields: Record<string, string>) {
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

/**
 * Links an OpenID Connect identity: the server marks this browser's next OpenID sign-in as "link to my account",
 * then the provider's sign-in starts and comes back to /account.
 */
export function LinkOidcButton({ name }: { name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const failed = (message: string) => {
            setPending(false);
            setError(message);
          };
          try {
            const intent = await fetch("/api/account/link-oidc", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
            if (!intent.ok) {
              const data = (await intent.json().catch(() => ({}))) as { message?: string };
              return failed(data.message ?? "Linking could not start. Reload the page and try again.");
            }
            const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
            submitHiddenForm("/api/auth/signin/oidc", { csrfToken, callbackUrl: "/account" });
          } catch {
            failed("The server could not be reached. Check your connection and try again.");
          }
        }}
      >
        Link my {name} account
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {" "}
          {error}
        </span>
      ) : null}
    </p>
  );
}
