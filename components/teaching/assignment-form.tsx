"use client";

import { useEffect, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import { formatRubricText, parseRubricText } from "@/lib/teaching/rubric-text";

/** The values an edit starts from (the create form starts empty). */
export type AssignmentFormValues = {
  title: string;
  instructions: string;
  fromParagraph: string;
  toParagraph: string;
  opensAt: string;
  dueAt: string;
  timeZone: string;
  minNotes: number;
  minReplies: number;
  requiredTypes: string[];
  peerVisibility: "always" | "after_first_note" | "after_due";
  maxPoints: number | null;
  rubric: { criterion: string; points: number }[];
};

const PEER_VISIBILITY_LABELS = {
  always: "Always",
  after_first_note: "After posting their own first note on the same paragraph",
  after_due: "Only after the due date",
} as const;

const numberOrNull = (value: string | undefined) => (value && value.trim() !== "" ? Number(value) : null);

/**
 * Create (POST to the class's assignments) or edit (PATCH the assignment) an assignment. Dates are typed as wall-clock
 * times in the chosen zone; the server turns them into instants and says on which field when it cannot.
 */
export function AssignmentForm({ url, method, initial, submitLabel }: { url: string; method: "POST" | "PATCH"; initial?: AssignmentFormValues; submitLabel: string }) {
  const { submit, fieldErrors: serverErrors, formError, pending } = useJsonForm(url, method);
  // A rubric line that cannot be read is shown beside the field at once; the server checks the criteria again.
  const [rubricError, setRubricError] = useState<string | null>(null);
  const fieldErrors = rubricError ? { ...serverErrors, rubric: [rubricError] } : serverErrors;
  const [zones, setZones] = useState<string[]>([]);
  const [browserZone, setBrowserZone] = useState(initial?.timeZone ?? "UTC");
  useEffect(() => {
    // Only in the browser: the server's zone is not the teacher's.
    setZones(Intl.supportedValuesOf?.("timeZone") ?? []);
    if (!initial) setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [initial]);
  return (
    <form
      className="panel assignment-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const values = formValues(form);
        const requiredTypes = [...new FormData(form).getAll("requiredTypes")].map(String);
        const rubric = parseRubricText(values.rubric ?? "");
        setRubricError(rubric.error);
        if (rubric.error) return;
        const result = await submit({
          title: values.title,
          instructions: values.instructions,
          fromParagraph: values.fromParagraph?.trim(),
          toParagraph: values.toParagraph?.trim(),
          opensAt: values.opensAt,
          dueAt: values.dueAt,
          timeZone: values.timeZone?.trim(),
          minNotes: Number(values.minNotes),
          minReplies: Number(values.minReplies),
          requiredTypes,
          peerVisibility: values.peerVisibility,
          maxPoints: numberOrNull(values.maxPoints),
          rubric: rubric.criteria,
        });
        if (result.ok) window.location.assign(`/assignments/${(result.data as { id: string }).id}`);
      }}
    >
      <FormStatus error={formError} />
      <Field name="title" label="Title" errors={fieldErrors} required maxLength={200} defaultValue={initial?.title} />
      <Field name="instructions" label="Instructions (Markdown)" errors={fieldErrors} multiline maxLength={20000} defaultValue={initial?.instructions} />
      <fieldset className="field assignment-form-row">
        <legend>Paragraphs covered</legend>
        <Field name="fromParagraph" label="From" hint="An anchor such as p3" errors={fieldErrors} required defaultValue={initial?.fromParagraph} />
        <Field name="toParagraph" label="To" hint="Inclusive, such as p8" errors={fieldErrors} required defaultValue={initial?.toParagraph} />
      </fieldset>
      <fieldset className="field assignment-form-row">
        <legend>Dates</legend>
        <Field name="opensAt" label="Opens" type="datetime-local" errors={fieldErrors} required defaultValue={initial?.opensAt} />
        <Field name="dueAt" label="Due" type="datetime-local" errors={fieldErrors} required defaultValue={initial?.dueAt} />
        <Field
          name="timeZone"
          label="Time zone"
          hint="The dates are read, and shown to students, in this zone"
          errors={fieldErrors}
          required
          list="assignment-time-zones"
          key={browserZone}
          defaultValue={browserZone}
        />
        <datalist id="assignment-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </fieldset>
      <fieldset className="field assignment-form-row">
        <legend>Requirements</legend>
        <Field name="minNotes" label="At least this many notes" type="number" min={0} max={100} errors={fieldErrors} defaultValue={initial?.minNotes ?? 1} />
        <Field name="minReplies" label="At least this many replies to classmates" type="number" min={0} max={100} errors={fieldErrors} defaultValue={initial?.minReplies ?? 0} />
      </fieldset>
      <fieldset className="field" aria-describedby={fieldErrors.requiredTypes ? "field-requiredTypes-error" : undefined}>
        <legend>Reference types that must be covered (optional)</legend>
        <div className="assignment-type-choices">
          {Object.entries(REFERENCE_TYPE_LABELS).map(([type, label]) => (
            <label key={type}>
              <input type="checkbox" name="requiredTypes" value={type} defaultChecked={initial?.requiredTypes.includes(type)} /> {label}
            </label>
          ))}
        </div>
        {fieldErrors.requiredTypes ? (
          <p id="field-requiredTypes-error" className="field-error">
            {fieldErrors.requiredTypes.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>Students see classmates&apos; notes on these paragraphs</legend>
        {Object.entries(PEER_VISIBILITY_LABELS).map(([value, label]) => (
          <label key={value} className="assignment-radio">
            <input type="radio" name="peerVisibility" value={value} defaultChecked={(initial?.peerVisibility ?? "always") === value} /> {label}
          </label>
        ))}
      </fieldset>
      <Field name="maxPoints" label="Maximum points (optional)" type="number" min={1} max={10000} errors={fieldErrors} defaultValue={initial?.maxPoints ?? undefined} />
      <Field
        name="rubric"
        label="Rubric (optional)"
        hint="One criterion per line: its points, a colon, the criterion (“10: Accuracy”). The points add up to at most the maximum."
        multiline
        errors={fieldErrors}
        defaultValue={initial ? formatRubricText(initial.rubric) : ""}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
