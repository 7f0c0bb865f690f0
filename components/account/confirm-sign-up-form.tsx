"use client";

import Link from "next/link";
import { useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { useJsonForm } from "@/components/forms/use-json-form";

/**
 * Confirms a new account's address. A button, not the page load, does it: mail scanners that open every link in a
 * message must not confirm accounts on their own.
 */
export function ConfirmSignUpForm({ token }: { token: string }) {
  const { submit, formError, pending } = useJsonForm("/api/account/sign-up/confirm");
  const [done, setDone] = useState(false);
  return (
    <div className="panel">
      <FormStatus error={formError} success={done ? "Your address is confirmed: you can sign in now." : null} />
      {done ? (
        <p>
          <Link href="/sign-in?callbackUrl=/account">Sign in</Link>
        </p>
      ) : (
        <>
          {formError ? (
            <p>
              <Link href="/sign-up">Sign up again for a new link</Link>
            </p>
          ) : null}
          <button
            type="button"
            className="button-primary"
            disabled={pending}
            onClick={async () => {
              const result = await submit({ token });
              if (result.ok) setDone(true);
            }}
          >
            {pending ? "Confirming…" : "Confirm my address"}
          </button>
        </>
      )}
    </div>
  );
}
