"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import dynamic from "next/dynamic";

// Loaded when first opened: most readers never edit or open a history, and the page's script stays small.
const NoteEditForm = dynamic(() => import("./note-edit-form").then((module) => module.NoteEditForm), { ssr: false });
const NoteHistory = dynamic(() => import("./note-history").then((module) => module.NoteHistory), { ssr: false });
import { deleteNote } from "./note-requests";

type Mode = "idle" | "editing" | "confirm-delete" | "history";
type Props = {
  item: NoteView;
  kind: "note" | "reply";
  onEdited: (note: NoteView) => void;
  onDeleted: () => void;
  /** Offered on replies the reader may answer: opens a reply form under it. */
  onReply?: () => void;
};

/**
 * The buttons under a note or reply: Reply, and for one's own Edit and Delete (asked to confirm), and History once
 * it has been edited. Each opens its panel in place; closing it returns focus to the button that opened it.
 */
export function NoteControls({ item, kind, onEdited, onDeleted, onReply }: Props) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("idle");
  const [returnTo, setReturnTo] = useState<"edit" | "delete" | "history" | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const buttons = { edit: useRef<HTMLButtonElement>(null), delete: useRef<HTMLButtonElement>(null), history: useRef<HTMLButtonElement>(null) };
  const confirmRef = useRef<HTMLParagraphElement>(null);

  // Focus follows the panel: into the confirmation, and back to its button when a panel closes (refs are stable).
  useEffect(() => {
    if (mode === "confirm-delete") confirmRef.current?.focus();
    if (mode === "idle" && returnTo) {
      buttons[returnTo].current?.focus();
      setReturnTo(null);
    }
  }, [mode, returnTo]);

  if (item.deleted) return null;
  // What the reader may do is the server's answer from the policy (NoteView.actions); the routes check again.
  const { mayEdit, mayDelete } = item.actions;
  const what = kind === "note" ? "this note" : `this reply by ${item.author.displayName}`;
  const close = (from: "edit" | "delete" | "history") => {
    setReturnTo(from);
    setMode("idle");
  };

  async function confirmDelete() {
    setDeleting(true);
    setDeleteError(null);
    const result = await deleteNote(item.id);
    setDeleting(false);
    if (result.ok) onDeleted();
    else setDeleteError(result.message);
  }

  return (
    <div className="note-controls">
      {onReply || mayEdit || mayDelete || item.version > 1 ? (
        <div className="note-thread-actions">
          {onReply ? (
            <button type="button" className="button note-action" onClick={onReply}>
              Reply<span className="visually-hidden"> to {what}</span>
            </button>
          ) : null}
          {mayEdit ? (
            <button
                ref={buttons.edit}
                type="button"
                className="button note-action"
                aria-expanded={mode === "editing"}
                onClick={() => (mode === "editing" ? close("edit") : setMode("editing"))}
              >
                Edit<span className="visually-hidden"> {what}</span>
              </button>
          ) : null}
          {mayDelete ? (
              <button ref={buttons.delete} type="button" className="button note-action button-danger" onClick={() => setMode("confirm-delete")}>
                Delete<span className="visually-hidden"> {what}</span>
              </button>
          ) : null}
          {item.version > 1 ? (
            <button
              ref={buttons.history}
              type="button"
              className="button note-action"
              aria-expanded={mode === "history"}
              onClick={() => (mode === "history" ? close("history") : setMode("history"))}
            >
              History<span className="visually-hidden"> of {what}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {mode === "editing" ? (
        <NoteEditForm
          note={item}
          kind={kind}
          onSaved={(note) => {
            close("edit");
            onEdited(note);
          }}
          onCancel={() => close("edit")}
        />
      ) : null}
      {mode === "confirm-delete" ? (
        <div className="note-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} ref={confirmRef} tabIndex={-1}>
            Delete {kind === "note" ? "your note" : "your reply"}? {kind === "note" ? "Replies to it stay, under a placeholder." : "Replies to it stay."} This
            cannot be undone.
          </p>
          {deleteError ? (
            <p role="alert" className="form-error">
              {deleteError}
            </p>
          ) : null}
          <div className="note-thread-actions">
            <button type="button" className="button button-danger" onClick={confirmDelete} disabled={deleting}>
              {deleting ? "Deleting…" : `Yes, delete ${kind === "note" ? "the note" : "the reply"}`}
            </button>
            <button type="button" className="button" onClick={() => close("delete")}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {mode === "history" ? <NoteHistory noteId={item.id} onClose={() => close("history")} /> : null}
    </div>
  );
}
