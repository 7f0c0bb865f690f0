"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";

export function CreateGroupForm() {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/groups");
  const [kind, setKind] = useState<"research" | "class">("research");
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const { name, description, term } = formValues(event.currentTarget);
        const result = await submit({ kind, name, description, ...(kind === "class" ? { term } : {}) });
        if (result.ok) window.location.assign(`/groups/${(result.data as { id: string }).id}`);
      }}
    >
      <FormStatus error={formError} />
      <fieldset className="field">
        <legend>Kind</legend>
        <label>
          <input type="radio" name="kind" value="research" checked={kind === "research"} onChange={() => setKind("research")} /> Research group
        </label>{" "}
        <label>
          <input type="radio" name="kind" value="class" checked={kind === "class"} onChange={() => setKind("class")} /> Class (you are its teacher)
        </label>
      </fieldset>
      <Field name="name" label="Name" errors={fieldErrors} required maxLength={120} />
      {kind === "class" ? <Field name="term" label="Term" hint="For example: Spring 2027" errors={fieldErrors} maxLength={60} /> : null}
      <Field name="description" label="Description" errors={fieldErrors} multiline maxLength={2000} />
      <button type="submit" className="button-primary" disabled={pending}>
        Create
      </button>
    </form>
  );
}
