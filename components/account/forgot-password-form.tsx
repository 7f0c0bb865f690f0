"use client";

import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";

/** Asks for a reset link; the answer is the same whether or not an account uses the address. */
export function ForgotPasswordForm({ outbox }: { outbox: boolean }) {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/password-reset");
  const [sent, setSent] = useState(false);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSent(false);
        const result = await submit({ email: formValues(event.currentTarget).email });
        if (result.ok) setSent(true);
      }}
    >
      <FormStatus error={formError} success={sent ? "If an account uses this address, a reset link is on its way. It works once, within an hour." : null} />
      {sent && outbox ? (
        <p>
          <Link href="/dev/outbox">Open the development outbox</Link> (sign in as the demo admin: it holds everyone&rsquo;s reset links)
        </p>
      ) : null}
      <Field name="email" label="Email" type="email" hint="The address you signed up with." errors={fieldErrors} autoComplete="email" required maxLength={254} />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
