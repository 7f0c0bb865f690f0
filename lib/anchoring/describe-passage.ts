import { isOffsetWithin } from "./code-point-text";
import { ParagraphText } from "./paragraph-text";
import { PassageRangeError } from "./passage-range-error";
import { MAX_QUOTE_LENGTH, type TCodePointRange, type TTextPositionSelector, type TTextQuoteSelector } from "./selectors";

/** Code points of context stored on each side of a quote (as hypothesis does): enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

export type TPassageSelectors = { quote: TTextQuoteSelector; position: TTextPositionSelector };

/**
 * The selectors for a selection [start, end) (code points) of a paragraph: what the client sends for a new note.
 * Throws PassageRangeError for offsets that are not integers, an empty range, a range outside the paragraph, or a
 * passage longer than a quote may be.
 */
export function describePassage(paragraphText: string, range: TCodePointRange): TPassageSelectors {
  const paragraph = new ParagraphText(paragraphText);
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new PassageRangeError("not-an-integer", "A passage's offsets must be whole numbers of characters");
  }
  if (!isOffsetWithin(start, paragraph.length) || !isOffsetWithin(end, paragraph.length) || end < start) {
    throw new PassageRangeError("out-of-range", `The passage ${start}–${end} is not inside the paragraph (0–${paragraph.length})`);
  }
  if (start === end) throw new PassageRangeError("empty-range", "Select at least one character");
  if (end - start > MAX_QUOTE_LENGTH) {
    throw new PassageRangeError("too-long", `A passage may be at most ${MAX_QUOTE_LENGTH} characters`);
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: paragraph.slice(start, end),
      prefix: paragraph.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: paragraph.slice(end, Math.min(paragraph.length, end + CONTEXT_LENGTH)),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}
