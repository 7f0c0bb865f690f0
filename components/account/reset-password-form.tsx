"use client";

import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { NEW_PASSWORD_HINT } from "./password-hint";

/** Sets a new password from a reset link. The live regions stay mounted so the outcome is announced. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/password-reset/complete");
  const [done, setDone] = useState(false);
  // An error without field messages is the link itself (unknown, used or expired) or the connection.
  const linkFailed = formError !== null && Object.keys(fieldErrors).length === 0;
  return (
    <div className="panel">
      <FormStatus error={formError} success={done ? "Your new password is set, and every session of your account was signed out." : null} />
      {done ? (
        <p>
          <Link href="/sign-in">Sign in with your new password</Link>
        </p>
      ) : (
        <>
          {linkFailed ? (
            <p>
              <Link href="/forgot-password">Ask for a new reset link</Link>
            </p>
          ) : null}
          <form
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              const { newPassword } = formValues(event.currentTarget);
              const result = await submit({ token, newPassword });
              if (result.ok) setDone(true);
            }}
          >
            <Field name="newPassword" label="New password" type="password" hint={NEW_PASSWORD_HINT} errors={fieldErrors} autoComplete="new-password" required />
            <button type="submit" className="button-primary" disabled={pending}>
              {pending ? "Setting password…" : "Set new password"}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
