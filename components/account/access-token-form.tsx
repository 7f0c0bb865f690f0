"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";

type Created = { id: string; name: string; token: string; scope: "read" | "write"; expiresAt: string | null };

/**
 * Creates a personal access token and shows it once, in a read-only field with a copy button; after a reload it is
 * gone for good (only its hash is stored).
 */
export function AccessTokenForm() {
  const router = useRouter();
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/tokens");
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenField = useRef<HTMLInputElement>(null);
  // The new token is what the reader came for: take them (and their screen reader) there once it is shown.
  useEffect(() => {
    if (created) tokenField.current?.focus();
  }, [created]);
  return (
    <>
      <form
        className="panel"
        noValidate
        aria-labelledby="new-token-title"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          setCreated(null);
          setCopied(false);
          const { name, expiresInDays, scope } = formValues(form);
          const result = await submit({ name, scope, ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}) });
          if (!result.ok) return;
          form.reset();
          setCreated(result.data as Created);
          router.refresh();
        }}
      >
        <h3 id="new-token-title">New token</h3>
        <FormStatus error={formError} success={null} />
        <Field name="name" label="Name" hint="What will use it, e.g. “Zotero script” or “lab server”." errors={fieldErrors} required maxLength={100} />
        <Field name="expiresInDays" label="Expires after (days)" hint="Leave empty for a token that works until you revoke it." type="number" min={1} max={3650} inputMode="numeric" errors={fieldErrors} />
        <fieldset className="choice-group">
          <legend>Scope</legend>
          <div className="choice">
            <input type="radio" id="token-scope-read" name="scope" value="read" defaultChecked /> <label htmlFor="token-scope-read">Read: it may read what you may read</label>
          </div>
          <div className="choice">
            <input type="radio" id="token-scope-write" name="scope" value="write" />{" "}
            <label htmlFor="token-scope-write">Write: it may also write, edit and delete notes as you</label>
          </div>
          {fieldErrors.scope ? <p className="field-error">{fieldErrors.scope.join(" ")}</p> : null}
        </fieldset>
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? "Creating token…" : "Create token"}
        </button>
      </form>
      {created ? (
        <div className="panel token-created" role="status">
          <p>
            <strong>Copy your new token “{created.name}” now.</strong> It is shown only this once; Marginalia keeps only a fingerprint of it.
          </p>
          <label htmlFor="created-token">Token ({created.scope})</label>
          <div className="token-copy">
            <input id="created-token" ref={tokenField} readOnly value={created.token} className="token-value" spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.token).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="field-hint">
            Send it as <code>Authorization: Bearer {created.token.slice(0, 14)}…</code>
          </p>
        </div>
      ) : null}
    </>
  );
}
