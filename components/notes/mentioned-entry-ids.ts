import { findMentions, listMentionedEntryIds, mentionsInPassage, type TMentionable } from "@/lib/references/find-mentions";
import type { NoteTarget } from "./note-dialog";
import { passageFromRange } from "./passage-from-selection";

/** The stored text of a paragraph on the page (without footnote marks), read the way selections are read. */
function storedParagraphText(anchor: string): string | null {
  const element = document.getElementById(anchor);
  if (!element) return null;
  const range = document.createRange();
  range.selectNodeContents(element);
  return passageFromRange(range)?.selectors.quote.exact ?? null;
}

/**
 * The index entries that the note's passage mentions (or its whole paragraph, for a paragraph note), in the order
 * of their mentions. Empty when the paragraph's text cannot be read from the page.
 */
export function mentionedEntryIds(target: NoteTarget, entries: ReadonlyArray<TMentionable>): string[] {
  const text = storedParagraphText(target.paragraph);
  if (text === null) return [];
  try {
    const mentions = target.passage
      ? mentionsInPassage(text, target.passage.position.start, target.passage.position.end, entries)
      : findMentions(text, entries, { overlap: "nested" });
    return listMentionedEntryIds(mentions);
  } catch {
    return []; // a passage that no longer fits the page's text: offer nothing rather than fail the dialog
  }
}
