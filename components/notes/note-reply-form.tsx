"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import { postReply } from "./note-requests";

/** The same hint wherever a reader writes Markdown here. */
export function MarkdownHint({ id }: { id: string }) {
  return (
    <p id={id} className="field-hint">
      Markdown: *emphasis*, **strong**, [link](https://…), lists. No images or HTML.
    </p>
  );
}

type Props = {
  /** The note that opened the thread. */
  threadId: string;
  /** The reply being answered; null to answer the note. */
  parent: { id: string; author: string } | null;
  onPosted: (reply: NoteView) => void;
  onCancel?: () => void;
  /** Focus the text box when the form opens (a reply to a reply opens on request; the thread's own form does not). */
  autoFocus?: boolean;
};

/** A reply to the note or to one of its replies. The server checks who may reply; its field messages show here. */
export function NoteReplyForm({ threadId, parent, onPosted, onCancel, autoFocus = false }: Props) {
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, [autoFocus]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    setFieldErrors([]);
    const result = await postReply(threadId, body, parent?.id ?? null);
    setPending(false);
    if (result.ok) {
      setBody("");
      onPosted(result.data);
      return;
    }
    const messages = [...(result.fields.body ?? []), ...(result.fields.parentId ?? [])];
    setFieldErrors(messages);
    setFormError(messages.length ? "Please correct the reply." : result.message);
    if (messages.length) textRef.current?.focus();
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const label = parent ? `Your reply to ${parent.author}` : "Your reply";

  return (
    <form className="note-reply-form" onSubmit={onSubmit} noValidate aria-label={parent ? `Reply to ${parent.author}` : "Reply to this note"}>
      <div role="alert" className={formError ? "form-error" : undefined}>
        {formError}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <MarkdownHint id={hintId} />
        <textarea
          id={`${id}-body`}
          ref={textRef}
          name="body"
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={fieldErrors.length ? true : undefined}
          aria-describedby={[hintId, fieldErrors.length ? errorId : null].filter(Boolean).join(" ")}
        />
        {fieldErrors.length ? (
          <p id={errorId} className="field-error">
            {fieldErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="note-thread-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Sending…" : "Submit reply"}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
