"use client";

import { useState } from "react";
import { startOidcSignIn } from "@/components/auth/next-auth-client";
import { InlineError } from "@/components/forms/inline-error";
import { sendJson } from "@/components/forms/send-json";

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
          const intent = await sendJson("/api/account/link-oidc", "POST");
          if (intent.ok) return startOidcSignIn("/account");
          setPending(false);
          setError(intent.message);
        }}
      >
        Link my {name} account
      </button>
      <InlineError message={error} />
    </p>
  );
}
