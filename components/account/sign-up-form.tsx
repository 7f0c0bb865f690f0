"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { NEW_PASSWORD_HINT } from "./password-hint";

/**
 * Asks for an account. The server answers the same for a new and a registered address, and the mail it sends says
 * what to do next (confirm the new account, or sign in to the existing one), so the form only says "check your email".
 */
export function SignUpForm() {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/sign-up");
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const { displayName, email, password } = formValues(event.currentTarget);
        const result = await submit({ displayName, email, password });
        if (result.ok) setSentTo(String(email));
      }}
    >
      <FormStatus
        error={formError}
        success={sentTo ? `Check your email: we sent a message to ${sentTo} saying what to do next (a new account is confirmed from a link in it).` : null}
      />
      <Field name="displayName" label="Display name" hint="Shown beside your notes; your real name or how colleagues know you." errors={fieldErrors} autoComplete="name" required maxLength={100} />
      <Field name="email" label="Email" type="email" hint="Only you see it. We use it for signing in and password resets." errors={fieldErrors} autoComplete="email" required maxLength={254} />
      <Field name="password" label="Password" type="password" hint={NEW_PASSWORD_HINT} errors={fieldErrors} autoComplete="new-password" required />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
