import { anchorInParagraph } from "../anchoring/anchor";
import { CONTEXT_LENGTH } from "../anchoring/describe-passage";
import { ParagraphText } from "../anchoring/paragraph-text";
import type { TAnchorTarget } from "../anchoring/selectors";

/** A thread-opening note's anchor as stored (Note columns). */
export type TStoredAnchor = {
  id: string;
  anchorStatus: "anchored" | "orphan";
  quoteExact: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  positionStart: number | null;
  positionEnd: number | null;
};

/** The columns to write for one note; notes whose anchor did not change get none. */
export type TAnchorUpdate = Omit<TStoredAnchor, "id"> & { id: string };

/**
 * kept: still anchored where it was; moved: anchored at other offsets; orphaned: lost its passage with this change;
 * restored: an orphan whose passage is found again. Orphans that stay orphans are not counted: nothing changed.
 */
export type TReanchorSummary = { kept: number; moved: number; orphaned: number; restored: number };

function targetOf(note: TStoredAnchor): TAnchorTarget {
  return {
    ...(note.quoteExact !== null ? { quote: { exact: note.quoteExact, prefix: note.quotePrefix ?? "", suffix: note.quoteSuffix ?? "" } } : {}),
    ...(note.positionStart !== null && note.positionEnd !== null ? { position: { start: note.positionStart, end: note.positionEnd } } : {}),
  };
}

const sameAnchor = (a: Omit<TStoredAnchor, "id">, b: Omit<TStoredAnchor, "id">) =>
  a.anchorStatus === b.anchorStatus &&
  a.quoteExact === b.quoteExact &&
  a.quotePrefix === b.quotePrefix &&
  a.quoteSuffix === b.quoteSuffix &&
  a.positionStart === b.positionStart &&
  a.positionEnd === b.positionEnd;

/**
 * What to store for each note of a paragraph whose text became `newText`, by lib/anchoring's fallback chain
 * (position, then quote, then approximate quote, else orphan; one indexed paragraph for all, as in reanchorAll). A re-anchored passage gets selectors read from the
 * new text, quote included: after a fuzzy match the note annotates the corrected words, and its quote, prefix and
 * suffix describe them exactly, so that the server's rule "the quote is at its position" keeps holding and the next
 * correction can settle it by position. An orphan keeps its selectors as they were: they are the only record of the
 * passage it was written on, and a later correction that brings the words back re-anchors it.
 */
export function planReanchoring(newText: string, notes: readonly TStoredAnchor[]): { updates: TAnchorUpdate[]; summary: TReanchorSummary } {
  const paragraph = new ParagraphText(newText);
  const summary: TReanchorSummary = { kept: 0, moved: 0, orphaned: 0, restored: 0 };
  const updates: TAnchorUpdate[] = [];
  for (const note of notes) {
    const result = anchorInParagraph(paragraph, targetOf(note));
    const { id, ...before } = note;
    let after: Omit<TStoredAnchor, "id">;
    if (result.status === "orphan") {
      after = { ...before, anchorStatus: "orphan" };
      if (before.anchorStatus === "anchored") summary.orphaned += 1;
    } else {
      after =
        result.method === "paragraph"
          ? { ...before, anchorStatus: "anchored" }
          : {
              anchorStatus: "anchored",
              quoteExact: paragraph.slice(result.start, result.end),
              quotePrefix: paragraph.slice(Math.max(0, result.start - CONTEXT_LENGTH), result.start),
              quoteSuffix: paragraph.slice(result.end, Math.min(paragraph.length, result.end + CONTEXT_LENGTH)),
              positionStart: result.start,
              positionEnd: result.end,
            };
      if (before.anchorStatus === "orphan") summary.restored += 1;
      else if (after.positionStart === before.positionStart && after.positionEnd === before.positionEnd) summary.kept += 1;
      else summary.moved += 1;
    }
    if (!sameAnchor(before, after)) updates.push({ id, ...after });
  }
  return { updates, summary };
}
