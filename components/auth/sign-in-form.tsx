"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { signInWithPassword } from "./sign-in-with-password";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send a reader elsewhere. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/letters/reply-to-stalin";
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
        setPending(false);
        if (result.ok) window.location.assign(safeCallback(callbackUrl));
        else setError(result.message);
      }}
    >
      <FormStatus error={error} />
      <Field name="email" label="Email" type="email" autoComplete="email" required errors={{}} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={{}} />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
