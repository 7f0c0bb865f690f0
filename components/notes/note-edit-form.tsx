"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import { diffWords } from "@/lib/annotations/word-diff";
import { DiffText } from "./diff-text";
import { MarkdownBodyField } from "./markdown-body-field";
import { getNote, patchNoteBody } from "./note-requests";

type Props = {
  note: NoteView;
  /** "note" or "reply", for the labels. */
  kind: "note" | "reply";
  onSaved: (note: NoteView) => void;
  onCancel: () => void;
};

/**
 * Edits the text of one's own note or reply. The edit is sent with If-Match of the version it started from; when
 * someone (or another tab) saved in between, the server answers 412 and the form shows the newer text beside the
 * draft, with the differences, and lets the writer apply the draft to the new version or drop it.
 */
export function NoteEditForm({ note, kind, onSaved, onCancel }: Props) {
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(note.body);
  const [basedOn, setBasedOn] = useState(note.version);
  const [newer, setNewer] = useState<NoteView | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => textRef.current?.focus(), []);
  useEffect(() => {
    if (newer) conflictRef.current?.focus();
  }, [newer]);

  async function save(version: number) {
    setPending(true);
    setFormError(null);
    setFieldErrors([]);
    const result = await patchNoteBody(note.id, draft, version);
    if (result.ok) {
      setPending(false);
      onSaved(result.data);
      return;
    }
    if (result.status === 412) {
      const current = await getNote(note.id);
      setPending(false);
      if (current.ok && current.data.deleted) {
        setFormError(`This ${kind} was deleted while you were editing.`);
      } else if (current.ok) {
        setNewer(current.data);
        setBasedOn(current.data.version);
      } else {
        setFormError(`This ${kind} changed and can no longer be read: ${current.message}`);
      }
      return;
    }
    setPending(false);
    setFieldErrors(result.fields.body ?? []);
    setFormError(result.fields.body ? "Please correct the text." : result.message);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(basedOn);
  }

  const label = kind === "note" ? "Edit your note" : "Edit your reply";

  return (
    <form className="note-edit-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <div role="alert" className={formError ? "form-error" : undefined}>
        {formError}
      </div>
      {newer ? (
        <div ref={conflictRef} tabIndex={-1} className="note-conflict" role="group" aria-labelledby={`${id}-conflict-title`}>
          <p id={`${id}-conflict-title`} className="note-conflict-title">
            This {kind} was changed while you were editing: it is now at version {newer.version}. Your draft is kept below.
          </p>
          <div className="note-conflict-columns">
            <section aria-labelledby={`${id}-newer`}>
              <h4 id={`${id}-newer`}>The current version ({newer.version})</h4>
              {/* bodyHtml is rendered from Markdown and sanitized on the server. */}
              <div className="note-body" dangerouslySetInnerHTML={{ __html: newer.bodyHtml }} />
            </section>
            <section aria-labelledby={`${id}-changes`}>
              <h4 id={`${id}-changes`}>What your draft changes in it</h4>
              <DiffText parts={diffWords(newer.body, draft)} />
            </section>
          </div>
        </div>
      ) : null}
      <MarkdownBodyField id={id} ref={textRef} label={newer ? "Your draft" : label} rows={5} value={draft} onChange={setDraft} errors={fieldErrors} />
      <div className="note-thread-actions">
        {newer ? (
          <>
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Saving…" : "Apply my change to the new version"}
            </button>
            <button type="button" className="button" onClick={() => onSaved(newer)} disabled={pending}>
              Discard my change
            </button>
          </>
        ) : (
          <>
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
      </div>
    </form>
  );
}
