"use client";

import { useState } from "react";

/** Ends every session of the account, this one included, then goes to the sign-in page. */
export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="button button-danger"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const response = await fetch("/api/account/sessions", {
            method: "DELETE",
            headers: { "Content-Type": "application/json" },
            body: "{}",
          }).catch(() => null);
          if (response?.ok) return window.location.assign("/sign-in");
          setPending(false);
          const data = (await response?.json().catch(() => ({}))) as { message?: string } | undefined;
          setError(data?.message ?? "The server could not be reached. Try again.");
        }}
      >
        Sign out everywhere
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
