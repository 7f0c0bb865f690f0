"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import { postDecision, type DecisionAction } from "./note-requests";
import { reloadAtNote as reloadAt } from "./reload-at-note";

const STATUS_TEXT: Record<string, string> = { approved: "published", pending: "waiting for review", hidden: "hidden", spam: "marked as spam" };


/**
 * Decisions for the item's moderators, on the card itself (the review queue at /review has the same and more):
 * approve, hide with a reason the author sees, restore, mark as spam, lock or unlock the thread. Each names the
 * moderation revision it was made on; if someone decided meanwhile, the newer state is shown instead.
 */
export function NoteModerationControls({ note, kind }: { note: NoteView; kind: "note" | "reply" }) {
  const id = useId();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const what = kind === "note" ? "this note" : "this reply";
  const reasonRef = useRef<HTMLInputElement>(null);
  // A refused reason is read out where it is typed: focus goes to the field, which its error describes.
  useEffect(() => {
    if (fieldError) reasonRef.current?.focus();
  }, [fieldError]);

  async function decide(action: DecisionAction, why?: string) {
    setPending(true);
    setFieldError(null);
    const result = await postDecision(note.id, action, note.moderationRevision, why);
    setPending(false);
    if (result.ok) return reloadAt(note.threadId ?? note.id);
    if (result.status === 409) {
      setMessage(`Someone else decided first: reload to see the current state.`);
      return;
    }
    if (result.fields.reason) setFieldError(result.fields.reason.join(" "));
    else setMessage(result.message);
  }

  const status = note.moderationStatus;
  return (
    <div className="note-moderation" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="note-moderation-title">
        Moderation: {STATUS_TEXT[status] ?? status}
        {note.openFlagCount ? `, ${note.openFlagCount} open flag${note.openFlagCount === 1 ? "" : "s"}` : ""}
        {note.lockedAt ? ", thread locked" : ""}
      </p>
      {message ? (
        <p role="alert" className="form-error">
          {message}{" "}
          <button type="button" className="link-button" onClick={() => reloadAt(note.threadId ?? note.id)}>
            Reload
          </button>
        </p>
      ) : null}
      <p className="note-thread-actions">
        {status !== "approved" ? (
          <button type="button" className="button note-action" disabled={pending} onClick={() => void decide(status === "pending" ? "approve" : "restore")}>
            {status === "pending" ? "Approve" : "Restore"}
            <span className="visually-hidden"> {what}</span>
          </button>
        ) : null}
        {status === "approved" && note.openFlagCount > 0 ? (
          <button type="button" className="button note-action" disabled={pending} onClick={() => void decide("approve")}>
            Keep<span className="visually-hidden"> {what} and resolve its flags</span>
          </button>
        ) : null}
        {status !== "hidden" ? (
          <button type="button" className="button note-action" aria-expanded={hiding} disabled={pending} onClick={() => setHiding(!hiding)}>
            Hide<span className="visually-hidden"> {what}</span>
          </button>
        ) : null}
        {status !== "spam" ? (
          <button type="button" className="button note-action button-danger" disabled={pending} onClick={() => void decide("spam")}>
            Spam<span className="visually-hidden"> ({what})</span>
          </button>
        ) : null}
        {kind === "note" ? (
          <button type="button" className="button note-action" disabled={pending} onClick={() => void decide(note.lockedAt ? "unlock" : "lock")}>
            {note.lockedAt ? "Unlock thread" : "Lock thread"}
          </button>
        ) : null}
      </p>
      {hiding ? (
        <form
          className="note-hide-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void decide("hide", reason.trim());
          }}
        >
          <p className="field">
            <label htmlFor={`${id}-reason`}>Reason for hiding (the author sees it)</label>
            <input
              ref={reasonRef}
              id={`${id}-reason`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-reason-error` : undefined}
            />
            {fieldError ? (
              <span id={`${id}-reason-error`} className="field-error">
                {fieldError}
              </span>
            ) : null}
          </p>
          <p className="note-thread-actions">
            <button type="submit" className="button button-primary" disabled={pending}>
              Hide<span className="visually-hidden"> {what}</span> with this reason
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
