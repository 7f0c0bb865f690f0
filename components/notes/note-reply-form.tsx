"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import { MarkdownBodyField } from "./markdown-body-field";
import { postReply } from "./note-requests";

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

  const label = parent ? `Your reply to ${parent.author}` : "Your reply";

  return (
    <form className="note-reply-form" onSubmit={onSubmit} noValidate aria-label={parent ? `Reply to ${parent.author}` : "Reply to this note"}>
      <div role="alert" className={formError ? "form-error" : undefined}>
        {formError}
      </div>
      <MarkdownBodyField id={id} ref={textRef} label={label} rows={3} value={body} onChange={setBody} errors={fieldErrors} />
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
