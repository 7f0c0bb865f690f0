"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteHistoryView } from "@/lib/annotations/thread-view";
import { DiffText } from "./diff-text";
import { getHistory } from "./note-requests";

/** Every version of a note or reply, oldest first: the first in full, each later one as its differences. */
export function NoteHistory({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [history, setHistory] = useState<NoteHistoryView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void getHistory(noteId).then((result) => {
      if (!live) return;
      if (result.ok) setHistory(result.data);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [noteId]);

  useEffect(() => {
    if (history) headingRef.current?.focus();
  }, [history]);

  return (
    <section className="note-history" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Edit history
      </h4>
      <p role="status">{history ? `${history.versions.length} versions.` : error ? null : "Loading the history…"}</p>
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      {history ? (
        <ol className="note-history-versions">
          {history.versions.map((version) => (
            <li key={version.version}>
              <p className="note-history-meta">
                Version {version.version}
                {version.current ? " (current)" : ""} · {version.editedBy.displayName} ·{" "}
                <time dateTime={version.at}>{version.at.slice(0, 16).replace("T", " ")} UTC</time>
              </p>
              {version.changes ? <DiffText parts={version.changes} /> : <p className="note-diff">{version.body}</p>}
            </li>
          ))}
        </ol>
      ) : null}
      <button type="button" className="button" onClick={onClose}>
        Close the history
      </button>
    </section>
  );
}
