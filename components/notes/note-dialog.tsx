"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { REFERENCE_TYPES } from "@/lib/annotations/note-schemas";
import type { SelectedPassage } from "./passage-from-selection";
import { ReferenceEntryField } from "./reference-entry-field";

export type NoteTarget = { paragraph: string; label: string; passage: SelectedPassage["selectors"] | null };
export type WritableGroup = { id: string; name: string };
/** An assignment the note is written for (the letter opened from it): the note goes to its class, attached to it. */
export type NoteAssignment = { id: string; title: string; groupId: string; groupName: string };

function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The new note's JSON for POST /api/documents/<slug>/notes; visibility "group:<id>" names the group. */
function noteBody(target: NoteTarget, values: Record<string, string>, assignment?: NoteAssignment) {
  const [visibility, groupId] = assignment ? ["group", assignment.groupId] : values.visibility.split(":");
  return {
    paragraph: target.paragraph,
    ...(target.passage
      ? {
          quote: { exact: target.passage.quote.exact, prefix: target.passage.quote.prefix, suffix: target.passage.quote.suffix },
          position: { start: target.passage.position.start, end: target.passage.position.end },
        }
      : {}),
    referenceType: values.referenceType,
    body: values.body,
    tags: splitTags(values.tags ?? ""),
    visibility,
    ...(groupId ? { groupId } : {}),
    ...(values.referenceEntryId ? { referenceEntryId: values.referenceEntryId } : {}),
    ...(assignment ? { assignmentId: assignment.id } : {}),
  };
}

function SelectErrors({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  ) : null;
}

/** The form for a new note on a passage or a whole paragraph, in a modal dialog (Escape closes it). */
export function NoteDialog({
  slug,
  target,
  groups,
  onClose,
  assignment,
}: {
  slug: string;
  target: NoteTarget;
  groups: WritableGroup[];
  onClose: () => void;
  assignment?: NoteAssignment;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { submit, fieldErrors, formError, pending } = useJsonForm(`/api/documents/${encodeURIComponent(slug)}/notes`);
  const [referenceType, setReferenceType] = useState<string>("person");
  // Once the writer picks a type, choosing an index entry no longer proposes one.
  const [isTypeChosen, setIsTypeChosen] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit(noteBody(target, formValues(event.currentTarget), assignment));
    if (!result.ok) return;
    const { id } = result.data as { id: string };
    // A full reload: the notes are server-rendered, and the new one is then focused by its permalink.
    window.history.replaceState(null, "", `#note-${id}`);
    window.location.reload();
  }

  const errorsFor = (name: string) => (fieldErrors[name]?.length ? `field-${name}-error` : undefined);
  const groupError = fieldErrors.groupId;

  return (
    <dialog ref={dialogRef} className="cite-dialog note-dialog" aria-labelledby="note-dialog-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="note-form">
        <h2 id="note-dialog-title">Note on {target.label}</h2>
        {target.passage ? (
          <p className="note-quote">
            <span className="visually-hidden">Passage: </span>
            <q>{target.passage.quote.exact}</q>
          </p>
        ) : (
          <p className="field-hint">A note on the whole {target.label}.</p>
        )}
        <FormStatus error={formError} />
        <SelectErrors id="field-quote-error" messages={fieldErrors.quote ?? fieldErrors.position} />
        <SelectErrors id="field-paragraph-error" messages={fieldErrors.paragraph ?? fieldErrors.assignmentId} />
        <ReferenceEntryField
          target={target}
          errors={fieldErrors.referenceEntryId}
          onChoose={(type) => {
            if (type && !isTypeChosen) setReferenceType(type);
          }}
        />
        <div className="field">
          <label htmlFor="field-referenceType">Reference type</label>
          <select
            id="field-referenceType"
            name="referenceType"
            value={referenceType}
            onChange={(event) => {
              setReferenceType(event.target.value);
              setIsTypeChosen(true);
            }}
            aria-describedby={errorsFor("referenceType")}
          >
            {REFERENCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <SelectErrors id="field-referenceType-error" messages={fieldErrors.referenceType} />
        </div>
        <Field name="body" label="Note" multiline errors={fieldErrors} hint="Markdown: *emphasis*, **strong**, [link](https://…), > quote." />
        <Field name="tags" label="Tags" errors={fieldErrors} hint="Separated by commas, e.g. bulgaria, party history." />
        <div className="field">
          <label htmlFor="field-visibility">Who may see it</label>
          {assignment ? (
            // A note for an assignment is shared with its class: the one choice there is.
            <select id="field-visibility" name="visibility" defaultValue={`group:${assignment.groupId}`} aria-describedby={errorsFor("visibility") ?? (groupError ? "field-groupId-error" : undefined)}>
              <option value={`group:${assignment.groupId}`}>
                Group: {assignment.groupName} (for the assignment “{assignment.title}”)
              </option>
            </select>
          ) : (
            <select id="field-visibility" name="visibility" defaultValue="private" aria-describedby={errorsFor("visibility") ?? (groupError ? "field-groupId-error" : undefined)}>
              <option value="private">Only me (private)</option>
              <option value="public">Everyone (public)</option>
              {groups.map((group) => (
                <option key={group.id} value={`group:${group.id}`}>
                  Group: {group.name}
                </option>
              ))}
            </select>
          )}
          <SelectErrors id="field-visibility-error" messages={fieldErrors.visibility} />
          <SelectErrors id="field-groupId-error" messages={groupError} />
        </div>
        <div className="cite-actions note-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Saving…" : "Save note"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
