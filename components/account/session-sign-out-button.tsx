"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Ends one other session of the account. Its row then disappears, so focus moves to the section heading (which has
 * tabIndex -1) instead of falling back to the top of the page.
 */
export function SessionSignOutButton({ sessionId, description, headingId }: { sessionId: string; description: string; headingId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const response = await fetch(`/api/account/sessions/${encodeURIComponent(sessionId)}`, {
            method: "DELETE",
            headers: { "Content-Type": "application/json" },
            body: "{}",
          }).catch(() => null);
          setPending(false);
          if (response?.ok) {
            document.getElementById(headingId)?.focus();
            router.refresh();
            return;
          }
          const data = (await response?.json().catch(() => ({}))) as { message?: string } | undefined;
          setError(data?.message ?? "The server could not be reached. Try again.");
        }}
      >
        Sign out<span className="visually-hidden"> the session of {description}</span>
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
