import { CodePointIndex } from "../anchoring/code-point-text";
import type { PassageInContext } from "./review-queue-view";

type Paragraph = { anchorId: string | null; kind: string; text: string };
type Passage = { quoteExact: string | null; positionStart: number | null; positionEnd: number | null; anchorStatus: "anchored" | "orphan" };

/** How the queue names a block: "paragraph 12" (body paragraphs are p1…pN in reading order), "footnote 1". */
export function blockName(anchorId: string): string {
  const match = /^(p|s|fn)(\d+)$/.exec(anchorId);
  if (!match) return anchorId;
  return `${{ p: "paragraph", s: "salutation", fn: "footnote" }[match[1] as "p" | "s" | "fn"]} ${match[2]}`;
}

/**
 * The paragraph with the note's passage marked where it stands (positions are code points). When the stored
 * position no longer holds the quote (an orphaned note, or a text corrected since), the whole paragraph is shown
 * unmarked and the quote stands apart, rather than marking the wrong words.
 */
export function passageInContext(paragraph: Paragraph, passage: Passage): PassageInContext {
  const anchorId = paragraph.anchorId ?? "";
  const label = blockName(anchorId);
  const whole = { anchorId, label, before: paragraph.text, after: "" };
  if (passage.quoteExact === null) return { ...whole, quote: null, orphaned: false };
  const { positionStart: start, positionEnd: end } = passage;
  const index = new CodePointIndex(paragraph.text);
  const placed =
    passage.anchorStatus === "anchored" &&
    start !== null &&
    end !== null &&
    start >= 0 &&
    start < end &&
    end <= index.length &&
    index.slice(start, end) === passage.quoteExact;
  if (!placed) return { ...whole, quote: passage.quoteExact, orphaned: true };
  return { anchorId, label, before: index.slice(0, start), quote: passage.quoteExact, after: index.slice(end), orphaned: false };
}
