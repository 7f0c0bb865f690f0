"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { NEW_PASSWORD_HINT } from "./password-hint";

/** Changes the password (the current one is needed); the server ends every other session of the account. */
export function PasswordForm() {
  const router = useRouter();
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/password");
  const [changed, setChanged] = useState<string | null>(null);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        setChanged(null);
        const { currentPassword, newPassword } = formValues(form);
        const result = await submit({ currentPassword, newPassword });
        if (!result.ok) return;
        form.reset();
        setChanged("Password changed. Your other sessions were signed out.");
        router.refresh();
      }}
    >
      <FormStatus error={formError} success={changed} />
      <Field name="currentPassword" label="Current password" type="password" errors={fieldErrors} autoComplete="current-password" required />
      <Field name="newPassword" label="New password" type="password" hint={NEW_PASSWORD_HINT} errors={fieldErrors} autoComplete="new-password" required />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
