"use client";

import Link from "next/link";
import { useState } from "react";
import { signInWithPassword } from "@/components/auth/sign-in-with-password";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { NEW_PASSWORD_HINT } from "./password-hint";

/** Creates the account, then signs straight into it; if that sign-in fails, the account still exists. */
export function SignUpForm() {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/sign-up");
  const [signInError, setSignInError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSignInError(null);
        const { displayName, email, password } = formValues(event.currentTarget);
        const result = await submit({ displayName, email, password });
        if (!result.ok) return;
        setSigningIn(true);
        const signedIn = await signInWithPassword(email, password);
        if (signedIn.ok) return window.location.assign("/account");
        setSigningIn(false);
        setSignInError(`Your account was created, but signing in did not work: ${signedIn.message}`);
      }}
    >
      <FormStatus error={formError ?? signInError} />
      {signInError ? (
        <p>
          <Link href="/sign-in?callbackUrl=/account">Sign in to your new account</Link>
        </p>
      ) : null}
      <Field name="displayName" label="Display name" hint="Shown beside your notes; your real name or how colleagues know you." errors={fieldErrors} autoComplete="name" required maxLength={100} />
      <Field name="email" label="Email" type="email" hint="Only you see it. We use it for signing in and password resets." errors={fieldErrors} autoComplete="email" required maxLength={254} />
      <Field name="password" label="Password" type="password" hint={NEW_PASSWORD_HINT} errors={fieldErrors} autoComplete="new-password" required />
      <button type="submit" className="button-primary" disabled={pending || signingIn}>
        {signingIn ? "Signing in…" : pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
