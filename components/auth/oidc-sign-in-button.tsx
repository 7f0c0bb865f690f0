"use client";

import { startOidcSignIn } from "./next-auth-client";

export function OidcSignInButton({ name, callbackUrl = "/account" }: { name: string; callbackUrl?: string }) {
  return (
    <button type="button" className="button" onClick={() => void startOidcSignIn(callbackUrl)}>
      Sign in with {name}
    </button>
  );
}
