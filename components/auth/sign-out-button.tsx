"use client";

import { fetchCsrfToken } from "./next-auth-client";

/** Signs out through next-auth (which revokes this session's row), then reloads as a reader. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await fetch("/api/auth/signout", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken: await fetchCsrfToken(), callbackUrl: "/", json: "true" }),
        });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
