import { CodePointIndex } from "../anchoring/code-point-text";

export type TFootnoteMark = { label: string; offset: number };
export type TMarkShift = { ok: true; marks: TFootnoteMark[] } | { ok: false; label: string };

/**
 * Where a paragraph's footnote marks stand after its text is corrected (offsets in code points, as stored).
 *
 * The correction is seen as one changed stretch between the longest shared beginning and the longest shared end
 * of the two texts. A mark before or at the start of that stretch keeps its offset; a mark at or after its end
 * moves by the change in length; a mark strictly inside it is refused: which of the new characters it should
 * follow is a guess, and a footnote attached to the wrong words is a silent error in an edition. The editor then
 * corrects the text on each side of the mark in two steps. An insertion exactly at a mark goes after the mark.
 */
export function shiftFootnoteMarks(oldText: string, newText: string, marks: readonly TFootnoteMark[]): TMarkShift {
  if (!marks.length) return { ok: true, marks: [] };
  const before = [...oldText];
  const after = [...newText];
  let shared = 0;
  while (shared < before.length && shared < after.length && before[shared] === after[shared]) shared += 1;
  let sharedEnd = 0;
  const limit = Math.min(before.length, after.length) - shared;
  while (sharedEnd < limit && before[before.length - 1 - sharedEnd] === after[after.length - 1 - sharedEnd]) sharedEnd += 1;
  const changedEnd = before.length - sharedEnd;
  const delta = after.length - before.length;
  const shifted: TFootnoteMark[] = [];
  for (const mark of marks) {
    if (mark.offset <= shared) shifted.push(mark);
    else if (mark.offset >= changedEnd) shifted.push({ label: mark.label, offset: mark.offset + delta });
    else return { ok: false, label: mark.label };
  }
  return { ok: true, marks: shifted };
}

/** The characters just before a mark, to tell the editor which mark is in the way ("…when Article 58"). */
export function textBeforeMark(text: string, offset: number, width = 24): string {
  const index = new CodePointIndex(text);
  const at = Math.max(0, Math.min(index.length, offset));
  const start = Math.max(0, at - width);
  return `${start > 0 ? "…" : ""}${index.slice(start, at)}`;
}
