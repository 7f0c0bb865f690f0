"use client";

import { useState } from "react";
import type { FeedbackState } from "@/lib/teaching/feedback-schemas";
import { FormStatus } from "@/components/forms/form-status";
import { sendJson } from "@/components/forms/send-json";

type Feedback = FeedbackState["feedback"][number];

/**
 * Private feedback on a student's assignment note: the student reads it, the class's teachers read and write it.
 * The page's data brings it (the server decided who gets it), so no card asks the server for its own.
 */
export function NoteFeedback({ noteId, initial }: { noteId: string; initial: FeedbackState }) {
  const [state, setState] = useState<FeedbackState | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const url = `/api/notes/${noteId}/feedback`;

  if (!state || (state.feedback.length === 0 && !state.mayWrite)) return null;
  const fieldId = `feedback-${noteId}`;
  return (
    <section className="note-feedback" aria-labelledby={`${fieldId}-title`}>
      <h4 id={`${fieldId}-title`}>Private feedback</h4>
      {state.feedback.length ? (
        <ul>
          {state.feedback.map((item) => (
            <li key={item.id}>
              <p className="feedback-body">{item.body}</p>
              <p className="muted">
                {item.author.displayName} · <time dateTime={item.createdAt}>{item.createdAt.slice(0, 10)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {state.mayWrite ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const body = String(new FormData(form).get("body") ?? "");
            setPending(true);
            setError(null);
            setSaved(null);
            const result = await sendJson(url, "POST", { body });
            setPending(false);
            if (!result.ok) return setError(result.message);
            setState({ ...state, feedback: [...state.feedback, result.data as Feedback] });
            setSaved("Feedback saved; only the student and the class's teachers see it.");
            form.reset();
          }}
        >
          <label htmlFor={fieldId}>Private feedback to the student</label>
          <textarea id={fieldId} name="body" rows={3} maxLength={5000} required />
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Saving…" : "Send feedback"}
          </button>
          <FormStatus error={error} success={saved} />
        </form>
      ) : null}
    </section>
  );
}
