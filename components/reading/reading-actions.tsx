"use client";

import { useEffect, useRef, useState } from "react";
import { formatBibtex, formatChicago } from "@/lib/citation/format-citation";
import { CITATION_PUBLISHER, formatNoteBibtex, formatNoteChicago, noteCslJson, type NoteCitationSource } from "@/lib/citation/note-citation";
import type { CitationFacts } from "@/lib/citation/citation-facts";
import { useHashFocus } from "./use-hash-focus";

/** A passage of the letter, or one note on it (its author and date come from the card's button). */
type CiteTarget = { anchor: string; label: string; locator: string | null; note?: { id: string; author: string; writtenOn: string } };

function permalinkFor(anchor: string): string {
  return `${window.location.origin}${window.location.pathname}#${anchor}`;
}

function localIsoDate(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The reading page's only client code: focuses the paragraph named in the URL, copies permalinks, and shows the
 * citation dialog. It listens for clicks on the server-rendered buttons instead of hydrating each paragraph.
 */
export function ReadingActions({ facts }: { facts: CitationFacts }) {
  const [announcement, setAnnouncement] = useState("");
  const [target, setTarget] = useState<CiteTarget | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  useHashFocus();

  useEffect(() => {
    async function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-action]");
      if (!button) return;
      const anchor = button.dataset.anchor!;
      const label = button.dataset.label ?? anchor;
      if (button.dataset.action === "copy-permalink") {
        const url = permalinkFor(anchor);
        const copied = await copyText(url);
        setAnnouncement(copied ? `Link to ${label} copied: ${url}` : `Could not copy. The link is ${url}`);
        button.dataset.copied = copied ? "true" : "false";
        window.setTimeout(() => delete button.dataset.copied, 2000);
      } else if (button.dataset.action === "cite") {
        openerRef.current = button;
        setTarget({ anchor, label, locator: button.dataset.locator || null });
      } else if (button.dataset.action === "cite-note") {
        openerRef.current = button;
        // The paragraph's own Cite button knows its printed number.
        const paragraphCite = document.querySelector<HTMLButtonElement>(`button[data-action="cite"][data-anchor="${CSS.escape(anchor)}"]`);
        const note = { id: button.dataset.note!, author: button.dataset.author ?? "", writtenOn: button.dataset.written ?? "" };
        setTarget({ anchor, label, locator: paragraphCite?.dataset.locator || anchor, note });
      }
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (target && dialog && !dialog.open) dialog.showModal();
  }, [target]);

  const citation = target
    ? {
        ...facts,
        url: permalinkFor(target.anchor),
        locator: target.locator,
        accessedOn: localIsoDate(),
        publisher: CITATION_PUBLISHER,
      }
    : null;
  const noteCitation: NoteCitationSource | null =
    target?.note && citation
      ? {
          noteId: target.note.id,
          author: target.note.author,
          writtenOn: target.note.writtenOn,
          locator: target.locator,
          url: `${window.location.origin}${window.location.pathname}?note=${target.note.id}#note-${target.note.id}`,
          accessedOn: citation.accessedOn,
          letter: { author: facts.author, title: facts.title },
        }
      : null;

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <dialog
        ref={dialogRef}
        className="cite-dialog"
        aria-labelledby="cite-title"
        onClose={() => {
          setTarget(null);
          openerRef.current?.focus();
        }}
      >
        {citation && target ? (
          <div className="cite-content">
            <h2 id="cite-title">Cite {target.label}</h2>
            {noteCitation ? (
              <>
                <CopyField label="Permalink" value={noteCitation.url} multiline={false} onCopied={setAnnouncement} />
                <CopyField label="Chicago" value={formatNoteChicago(noteCitation)} multiline onCopied={setAnnouncement} />
                <CopyField label="BibTeX" value={formatNoteBibtex(noteCitation)} multiline onCopied={setAnnouncement} code />
                <CopyField label="CSL-JSON" value={noteCslJson(noteCitation)} multiline onCopied={setAnnouncement} code />
              </>
            ) : (
              <>
                <CopyField label="Permalink" value={citation.url} multiline={false} onCopied={setAnnouncement} />
                <CopyField label="Chicago" value={formatChicago(citation)} multiline onCopied={setAnnouncement} />
                <CopyField label="BibTeX" value={formatBibtex(citation)} multiline onCopied={setAnnouncement} code />
              </>
            )}
            <form method="dialog" className="cite-actions">
              <button type="submit" className="button">
                Close
              </button>
            </form>
          </div>
        ) : null}
      </dialog>
    </>
  );
}

function CopyField({
  label,
  value,
  multiline,
  code = false,
  onCopied,
}: {
  label: string;
  value: string;
  multiline: boolean;
  code?: boolean;
  onCopied: (message: string) => void;
}) {
  const id = `cite-${label.toLowerCase()}`;
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} readOnly value={value} rows={code ? 9 : 4} className={code ? "code" : undefined} />
      ) : (
        <input id={id} readOnly value={value} />
      )}
      <button
        type="button"
        className="button"
        data-testid={`copy-${label.toLowerCase()}`}
        onClick={async () => {
          const copied = await copyText(value);
          setState(copied ? "copied" : "failed");
          onCopied(copied ? `${label} copied` : `Could not copy the ${label}; select the text and copy it`);
        }}
      >
        {state === "copied" ? "Copied" : `Copy ${label}`}
      </button>
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
