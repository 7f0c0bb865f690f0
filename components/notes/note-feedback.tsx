"use client";

import { useEffect, useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { sendJson } from "@/components/forms/send-json";

type Feedback = { id: string; body: string; author: { displayName: string }; createdAt: string };

/**
 * Private feedback on a student's assignment note: the student reads it, the class's teachers read and write it.
 * Loaded from the server, which decides (a 404 shows nothing); rendered only for the author's or a moderator's card.
 */
export function NoteFeedback({ noteId }: { noteId: string }) {
  const [state, setState] = useState<{ feedback: Feedback[]; mayWrite: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const url = `/api/notes/${noteId}/feedback`;

  useEffect(() => {
    let live = true;
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => live && data && setState(data))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [url]);

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
