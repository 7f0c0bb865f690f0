"use client";

import { useEffect, useId, useRef, useState } from "react";
import { postFlag, type FlagReasonValue } from "./note-requests";

const REASONS: { value: FlagReasonValue; label: string }[] = [
  { value: "inaccurate", label: "Inaccurate or unsupported" },
  { value: "offensive", label: "Offensive" },
  { value: "spam", label: "Spam" },
  { value: "copyright", label: "Copyright" },
  { value: "off_topic", label: "Off-topic" },
  { value: "other", label: "Other" },
];

/**
 * "Flag" for a reader of someone else's shared note or reply: a reason and an optional comment, sent to the item's
 * moderators. The author is never told who flagged.
 */
export function NoteFlagForm({ noteId, what }: { noteId: string; what: string }) {
  const id = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReasonValue | "">("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Focus follows the form: to the confirmation once sent (the button is gone), back to the button on Cancel.
  const [focusTo, setFocusTo] = useState<"status" | "toggle" | null>(null);
  useEffect(() => {
    if (focusTo === "status") statusRef.current?.focus();
    if (focusTo === "toggle") toggleRef.current?.focus();
    if (focusTo) setFocusTo(null);
  }, [focusTo]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason) {
      setFields({ reason: ["Choose a reason"] });
      return;
    }
    setPending(true);
    const result = await postFlag(noteId, reason, comment);
    setPending(false);
    if (result.ok || result.status === 409) {
      setDone(result.ok ? "Flagged. The moderators will look at it." : "You have already flagged this.");
      setOpen(false);
      setFocusTo("status");
      return;
    }
    setError(result.message);
    setFields(result.fields);
  }

  return (
    <div className="note-flag">
      {done ? null : (
        <button ref={toggleRef} type="button" className="button note-action" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
          Flag<span className="visually-hidden"> {what}</span>
        </button>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className="note-flag-status">
        {done}
      </p>
      {open ? (
        <form id={`${id}-form`} className="note-flag-form" onSubmit={submit} noValidate aria-label={`Flag ${what}`}>
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <p className="field">
            <label htmlFor={`${id}-reason`}>Reason</label>
            <select
              id={`${id}-reason`}
              value={reason}
              onChange={(event) => setReason(event.target.value as FlagReasonValue)}
              aria-invalid={fields.reason ? true : undefined}
              aria-describedby={fields.reason ? `${id}-reason-error` : undefined}
            >
              <option value="">Choose a reason</option>
              {REASONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {fields.reason ? (
              <span id={`${id}-reason-error`} className="field-error">
                {fields.reason.join(" ")}
              </span>
            ) : null}
          </p>
          <p className="field">
            <label htmlFor={`${id}-comment`}>Comment (optional)</label>
            <textarea id={`${id}-comment`} rows={2} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} />
          </p>
          <p className="note-thread-actions">
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Sending…" : "Send flag"}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setFocusTo("toggle");
              }}
            >
              Cancel
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
