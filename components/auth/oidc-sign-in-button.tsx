"use client";

/** Starts the OpenID Connect flow: next-auth wants a POST with its CSRF token. */
export function OidcSignInButton({ name, callbackUrl = "/account" }: { name: string; callbackUrl?: string }) {
  return (
    <button
      type="button"
      className="button"
      onClick={async () => {
        const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
        const form = document.createElement("form");
        form.method = "POST";
        form.action = "/api/auth/signin/oidc";
        for (const [key, value] of Object.entries({ csrfToken, callbackUrl })) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = key;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }}
    >
      Sign in with {name}
    </button>
  );
}
