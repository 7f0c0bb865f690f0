"use client";

import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";

export function JoinGroupForm({ code }: { code?: string }) {
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/groups/join");
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await submit({ code: formValues(event.currentTarget).code });
        if (result.ok) window.location.assign(`/groups/${(result.data as { groupId: string }).groupId}`);
      }}
    >
      <FormStatus error={formError} />
      <Field name="code" label="Join code" hint="10 letters and digits, as your teacher or group owner gave it" defaultValue={code} errors={fieldErrors} autoComplete="off" />
      <button type="submit" className="button-primary" disabled={pending}>
        Join
      </button>
    </form>
  );
}
