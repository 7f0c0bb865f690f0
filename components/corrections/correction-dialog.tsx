"use client";

import { Fragment, useCallback, useEffect, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import type { ParagraphHistory, TCorrectionResult } from "@/lib/corrections/correction-schemas";
import { splitAtCodePoint } from "@/lib/documents/code-points";
import { summaryText } from "./summary-text";

type Current = ParagraphHistory["paragraph"];
type Loaded = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; current: Current };

/** The paragraph as stored, with its footnote marks shown where they stand (they are not part of the text). */
function TextWithMarks({ current }: { current: Current }) {
  const pieces: React.ReactNode[] = [];
  let rest = current.text;
  let consumed = 0;
  for (const mark of current.marks) {
    const [before, after] = splitAtCodePoint(rest, mark.offset - consumed);
    pieces.push(
      <Fragment key={mark.label}>
        {before}
        <sup className="correction-mark">
          <span className="visually-hidden">(footnote mark </span>
          {mark.label}
          <span className="visually-hidden">)</span>
        </sup>
      </Fragment>,
    );
    consumed = mark.offset;
    rest = after;
  }
  return (
    <>
      {pieces}
      {rest}
    </>
  );
}

/**
 * Correcting one paragraph's text: the current text (read-only), the corrected text, and the reason, which the
 * text history shows to every reader. The text is fetched when the dialog opens, so the correction is based on
 * what is stored now; the server refuses it (409) if someone else corrected the paragraph meanwhile.
 */
export function CorrectionDialog({ slug, anchor, label, onClose }: { slug: string; anchor: string; label: string; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const url = `/api/documents/${encodeURIComponent(slug)}/paragraphs/${encodeURIComponent(anchor)}/corrections`;
  const { submit, fieldErrors, formError, pending } = useJsonForm(url);
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [result, setResult] = useState<TCorrectionResult | null>(null);

  const load = useCallback(async () => {
    setLoaded({ status: "loading" });
    const response = await fetch(url, { cache: "no-store" }).catch(() => null);
    const data = response?.ok ? ((await response.json().catch(() => null)) as ParagraphHistory | null) : null;
    if (!data) {
      setLoaded({ status: "failed", message: "The paragraph's text could not be loaded. Close this and try again." });
      return;
    }
    setLoaded({ status: "ready", current: data.paragraph });
  }, [url]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    void load();
  }, [load]);

  useEffect(() => {
    if (loaded.status === "ready") document.getElementById("field-newText")?.focus();
  }, [loaded]);

  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loaded.status !== "ready") return;
    const values = formValues(event.currentTarget);
    const outcome = await submit({ oldText: loaded.current.text, newText: values.newText, reason: values.reason });
    if (outcome.ok) setResult(outcome.data as TCorrectionResult);
  }

  function showCorrectedText() {
    // A full reload, as after a new note: the letter's HTML and the notes placed in it are rendered anew together.
    window.history.replaceState(null, "", `#${anchor}`);
    window.location.reload();
  }

  return (
    <dialog ref={dialogRef} className="cite-dialog correction-dialog" aria-labelledby="correction-dialog-title" onClose={result ? showCorrectedText : onClose}>
      <h2 id="correction-dialog-title">Correct the text of {label}</h2>
      {result ? (
        <div className="correction-done">
          {/* Focus moves to the button below, which this summary describes: it is read out with it. */}
          <p id="correction-summary" className="form-success">
            Correction recorded. {summaryText(result.notes)}
          </p>
          {result.notes.orphaned > 0 ? (
            <p className="field-hint">Orphaned notes are listed under the letter, in “Notes that lost their passage”.</p>
          ) : null}
          <div className="cite-actions">
            <button ref={doneRef} type="button" className="button button-primary" aria-describedby="correction-summary" onClick={showCorrectedText}>
              Show the corrected text
            </button>
          </div>
        </div>
      ) : loaded.status === "ready" ? (
        <form onSubmit={onSubmit} noValidate className="correction-form">
          <FormStatus error={formError} />
          {formError && !Object.keys(fieldErrors).length ? (
            <p>
              <button type="button" className="link-button" onClick={() => void load()}>
                Load the current text again
              </button>
            </p>
          ) : null}
          <div className="field">
            <p className="correction-label">Current text</p>
            <blockquote className="correction-current">
              <TextWithMarks current={loaded.current} />
            </blockquote>
            {loaded.current.marks.length ? (
              <p className="field-hint">
                Raised numbers are footnote marks: they stay where they are. Change the words on one side of a mark at
                a time.
              </p>
            ) : null}
          </div>
          <Field
            name="newText"
            label="Corrected text"
            multiline
            errors={fieldErrors}
            defaultValue={loaded.current.text}
            hint="Stored exactly as typed. Notes on this paragraph are moved with their words; a note whose words are gone is listed apart."
          />
          <Field name="reason" label="Reason (required)" required errors={fieldErrors} maxLength={500} hint="Shown to every reader in the text history, e.g. “Misprint: ‘1’ for ‘I’”." />
          <div className="cite-actions note-actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Saving…" : "Record correction"}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p role="status">{loaded.status === "loading" ? "Loading the paragraph’s text…" : loaded.message}</p>
          <div className="cite-actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
