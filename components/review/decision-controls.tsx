"use client";

import { useId, useRef, useState } from "react";
import { useShortcutsEnabled } from "./review-queue-keys";
import { statusLabel, type StatusName } from "./review-format";

type Action = "approve" | "hide" | "restore" | "spam" | "lock" | "unlock" | "suspend";
type State = { status: StatusName; revision: number; locked: boolean };
type Props = State & {
  noteId: string;
  opensThread: boolean;
  canSuspend: boolean;
  authorName: string;
  /** Set for the lead of an import waiting as one batch: approve, hide and spam decide this many items at once. */
  batchItems?: number;
};

const DONE: Record<Action, string> = {
  approve: "Approved: others can see it.",
  hide: "Hidden: the author sees your reason.",
  restore: "Restored: others can see it again.",
  spam: "Marked as spam.",
  lock: "Thread locked: no new replies.",
  unlock: "Thread unlocked.",
  suspend: "The author is suspended.",
};

type Answer =
  | { kind: "done"; state: Partial<State> }
  | { kind: "conflict"; message: string; state: State }
  | { kind: "error"; message: string; reasonError: string | null };

/** One decision: POST /api/notes/<id>/decisions, based on the revision this page was drawn with. */
async function sendDecision(noteId: string, action: Action, basedOn: number, reason: string | undefined): Promise<Answer> {
  const response = await fetch(`/api/notes/${noteId}/decisions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action, basedOn, ...(reason !== undefined ? { reason } : {}) }),
  }).catch(() => null);
  if (!response) return { kind: "error", message: "The server could not be reached. Check your connection and try again.", reasonError: null };
  const data = (await response.json().catch(() => ({}))) as {
    message?: string;
    fields?: Record<string, string[]>;
    note?: { moderationStatus: StatusName; moderationRevision: number; lockedAt: string | null };
    current?: { moderationStatus: StatusName; moderationRevision: number; lockedAt: string | null };
  };
  if (response.ok && data.note) {
    return { kind: "done", state: { status: data.note.moderationStatus, revision: data.note.moderationRevision, locked: data.note.lockedAt !== null } };
  }
  if (response.status === 409 && data.current) {
    return {
      kind: "conflict",
      message: data.message ?? "Someone else decided first.",
      state: { status: data.current.moderationStatus, revision: data.current.moderationRevision, locked: data.current.lockedAt !== null },
    };
  }
  return { kind: "error", message: data.message ?? "That did not work.", reasonError: data.fields?.reason?.join(" ") ?? null };
}

function KeyHint({ shortcut }: { shortcut: string }) {
  const enabled = useShortcutsEnabled();
  return enabled ? (
    <>
      {" "}
      <kbd aria-hidden="true">{shortcut}</kbd>
    </>
  ) : null;
}

/**
 * The decisions on one queue item. Each names the moderation revision the page showed (basedOn); when someone else
 * decided in between, the server refuses (409) with the state now, which replaces the item's state here and is said
 * in words, so the moderator decides again on what is actually there — no decision is lost or silently overridden.
 */
export function DecisionControls({ noteId, opensThread, canSuspend, authorName, batchItems, ...initial }: Props) {
  const id = useId();
  const shortcuts = useShortcutsEnabled();
  const rootRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>(initial);
  const [asking, setAsking] = useState<"hide" | "suspend" | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  // After a decision the button that was pressed may be gone: the item itself keeps the focus (and the shortcuts).
  const focusItem = () => rootRef.current?.closest<HTMLElement>("[data-review-item]")?.focus();

  const decide = async (action: Action, reason?: string) => {
    setBusy(true);
    setError(null);
    setReasonError(null);
    const answer = await sendDecision(noteId, action, state.revision, reason);
    setBusy(false);
    if (answer.kind === "error") {
      if (answer.reasonError) {
        setReasonError(answer.reasonError);
        reasonRef.current?.focus();
      } else setError(answer.message);
      return;
    }
    setAsking(null);
    if (answer.kind === "done") {
      setState((previous) => ({ ...previous, ...answer.state, revision: answer.state.revision ?? previous.revision + 1 }));
      setConflict(null);
      setDone(DONE[action]);
    } else {
      // Same revision: nobody else decided, this decision just does not apply to the state it was made on.
      const otherDecision = answer.state.revision !== state.revision;
      setState(answer.state);
      setDone(null);
      const locked = answer.state.locked ? ", thread locked" : "";
      setConflict(
        otherDecision
          ? `Someone else decided first: now ${statusLabel(answer.state.status).toLowerCase()}${locked}. Your decision (${action}) was not applied; decide again if it still stands.`
          : answer.message,
      );
    }
    focusItem();
  };

  const ask = (what: "hide" | "suspend") => {
    setAsking(what);
    setReasonError(null);
    // The field appears on the next render; focus it then.
    requestAnimationFrame(() => reasonRef.current?.focus());
  };

  const cancel = () => {
    const what = asking;
    setAsking(null);
    setReasonError(null);
    requestAnimationFrame(() => rootRef.current?.querySelector<HTMLButtonElement>(`button[data-asks="${what}"]`)?.focus());
  };

  const hiddenOrSpam = state.status === "hidden" || state.status === "spam";
  // While the batch waits, a status decision takes all of it; after that the lead is an item like any other.
  const all = batchItems && state.status === "pending" ? ` all ${batchItems.toLocaleString("en")}` : "";
  const button = (action: Action, label: string, shortcut?: string, extra: Record<string, string> = {}) => (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => (action === "hide" || action === "suspend" ? ask(action) : void decide(action))}
      data-shortcut={shortcut}
      aria-keyshortcuts={shortcut && shortcuts ? shortcut : undefined}
      {...extra}
    >
      {label}
      {shortcut ? <KeyHint shortcut={shortcut} /> : null}
    </button>
  );

  return (
    <div ref={rootRef} className="review-decisions" data-decided={done ? "true" : undefined}>
      <p className="review-decision-state">
        Status now: <strong>{statusLabel(state.status)}</strong>
        {state.locked ? " · thread locked" : ""}
      </p>
      <div className="review-decision-buttons" role="group" aria-label="Decide">
        {hiddenOrSpam ? button("restore", "Restore") : button("approve", `Approve${all}`, "a")}
        {state.status !== "hidden" ? button("hide", `Hide${all}…`, "h", { "data-asks": "hide", "aria-expanded": String(asking === "hide") }) : null}
        {state.status !== "spam" ? button("spam", `Spam${all}`, "s") : null}
        {opensThread ? (state.locked ? button("unlock", "Unlock thread") : button("lock", "Lock thread")) : null}
        {canSuspend ? button("suspend", "Suspend author…", undefined, { "data-asks": "suspend", "aria-expanded": String(asking === "suspend") }) : null}
      </div>
      {asking ? (
        <form
          className="review-reason-form"
          onSubmit={(event) => {
            event.preventDefault();
            void decide(asking, reasonRef.current?.value ?? "");
          }}
        >
          <label htmlFor={`${id}-reason`}>{asking === "hide" ? "Why hide it? The author is shown this reason." : `Why suspend ${authorName}?`}</label>
          <input
            ref={reasonRef}
            id={`${id}-reason`}
            name="reason"
            required
            minLength={3}
            maxLength={500}
            autoComplete="off"
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${id}-reason-hint${reasonError ? ` ${id}-reason-error` : ""}`}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                cancel();
              }
            }}
          />
          <p id={`${id}-reason-hint`} className="field-hint">
            3 to 500 characters. Enter {asking === "hide" ? "hides" : "suspends"}, Escape cancels.
          </p>
          {reasonError ? (
            <p id={`${id}-reason-error`} className="field-error">
              {reasonError}
            </p>
          ) : null}
          <div className="review-reason-actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {asking === "hide" ? "Hide" : "Suspend"}
            </button>
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" className={done ? "form-success" : undefined}>
        {done}
      </div>
      <div role="alert" className={conflict ? "review-conflict" : error ? "form-error" : undefined}>
        {conflict ?? error}
      </div>
    </div>
  );
}
