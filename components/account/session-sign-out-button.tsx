"use client";

import { useRouter } from "next/navigation";
import { RequestButton } from "@/components/groups/request-button";

/**
 * Ends one other session of the account. Its row then disappears, so focus moves to the section heading (which has
 * tabIndex -1) instead of falling back to the top of the page.
 */
export function SessionSignOutButton({ sessionId, description, headingId }: { sessionId: string; description: string; headingId: string }) {
  const router = useRouter();
  return (
    <RequestButton
      url={`/api/account/sessions/${encodeURIComponent(sessionId)}`}
      method="DELETE"
      label={
        <>
          Sign out<span className="visually-hidden"> the session of {description}</span>
        </>
      }
      then={() => {
        document.getElementById(headingId)?.focus();
        router.refresh();
      }}
    />
  );
}
