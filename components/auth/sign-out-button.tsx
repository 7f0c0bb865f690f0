"use client";

/** Signs out through next-auth (which revokes this session's row), then reloads as a reader. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
        await fetch("/api/auth/signout", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
          body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
        });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
