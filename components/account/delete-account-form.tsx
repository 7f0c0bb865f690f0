"use client";

import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";

const CHOICES = [
  {
    value: "keep-as-deleted-user",
    label: "Keep my notes as “deleted user”",
    hint: "Your notes and replies stay with the discussions they belong to, shown as written by “deleted user”. Your name, email, profile and password are erased.",
  },
  {
    value: "delete",
    label: "Delete my notes too",
    hint: "Your notes and replies are removed together with the account.",
  },
] as const;

/** Deletes the account after an explicit choice about the notes and a typed DELETE; the server checks both. */
export function DeleteAccountForm() {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account", "DELETE");
  const notesErrors = fieldErrors.notes ?? [];
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const { notes, confirm } = formValues(event.currentTarget);
        const result = await submit({ notes, confirm });
        if (result.ok) window.location.assign("/");
      }}
    >
      <FormStatus error={formError} />
      <fieldset className="choice-group" aria-describedby={notesErrors.length ? "notes-error" : undefined}>
        <legend>What happens to your notes and replies</legend>
        {CHOICES.map((choice) => (
          <div key={choice.value} className="choice">
            <input type="radio" id={`notes-${choice.value}`} name="notes" value={choice.value} aria-describedby={`notes-${choice.value}-hint`} aria-invalid={notesErrors.length ? true : undefined} />{" "}
            <label htmlFor={`notes-${choice.value}`}>{choice.label}</label>
            <p id={`notes-${choice.value}-hint`} className="field-hint">
              {choice.hint}
            </p>
          </div>
        ))}
        {notesErrors.length ? (
          <p id="notes-error" className="field-error">
            {notesErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field name="confirm" label="Type DELETE to confirm" hint="In capital letters. This cannot be undone." errors={fieldErrors} autoComplete="off" spellCheck={false} />
      <button type="submit" className="button button-danger" disabled={pending}>
        {pending ? "Deleting account…" : "Delete my account"}
      </button>
    </form>
  );
}
