import { isOffsetWithin } from "./code-point-text";
import { ParagraphText } from "./paragraph-text";
import type { TAnchorTarget, TCodePointRange } from "./selectors";

export type TVerifyError =
  /** A position without a quote: nothing to check the offsets against. */
  | "quote-missing"
  /** Offsets that are not whole numbers, or start ≥ end. */
  | "invalid-position"
  /** The position reaches past the end of the paragraph. */
  | "position-out-of-range"
  /** The text at [start, end) is not the quote. */
  | "position-mismatch"
  /** The quote is there, but the paragraph does not read the stored prefix before it or the suffix after it. */
  | "context-mismatch"
  /** The quote does not occur in the paragraph. */
  | "quote-not-found"
  /** A quote without a position that occurs more than once, its prefix and suffix fitting several. */
  | "ambiguous-quote";

export type TVerifyResult =
  /** range: the passage in code points; null for a whole-paragraph note. */
  | { ok: true; range: TCodePointRange | null }
  | { ok: false; error: TVerifyError };

const refuse = (error: TVerifyError): TVerifyResult => ({ ok: false, error });

/**
 * Whether a new note's selectors describe a passage of this paragraph as it is now, to the character. The server
 * runs this before storing a note: the quote must be in the paragraph; a position must hold exactly the quote; a
 * prefix or suffix, if given, must be the text just before or after it. No fuzziness here (that is for
 * re-anchoring old notes): a client that took its selectors from the paragraph's text always passes.
 */
export function verifyTarget(paragraphText: string, target: TAnchorTarget): TVerifyResult {
  const { quote, position } = target;
  if (!quote) return position ? refuse("quote-missing") : { ok: true, range: null };
  const paragraph = new ParagraphText(paragraphText);
  const { exact, prefix = "", suffix = "" } = quote;

  if (position) {
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) return refuse("invalid-position");
    if (!isOffsetWithin(end, paragraph.length)) return refuse("position-out-of-range");
    if (paragraph.slice(start, end) !== exact) return refuse("position-mismatch");
    if (!paragraph.hasContext(start, end, prefix, suffix)) return refuse("context-mismatch");
    return { ok: true, range: { start, end } };
  }

  const occurrences = paragraph.occurrences(exact);
  if (!occurrences.length) return refuse("quote-not-found");
  const fitting = occurrences.filter(({ start, end }) => paragraph.hasContext(start, end, prefix, suffix));
  if (!fitting.length) return refuse("context-mismatch");
  if (fitting.length > 1) return refuse("ambiguous-quote");
  return { ok: true, range: fitting[0] };
}
