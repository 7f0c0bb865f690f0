import { matchQuote } from "./match-quote";
import { ParagraphText } from "./paragraph-text";
import type { TAnchorTarget } from "./selectors";

export type TAnchorMethod = "position" | "quote" | "fuzzy" | "paragraph";
export type TOrphanReason =
  /** A position with no quote to check it against. */
  | "unverifiable"
  /** Neither the quote nor anything within one error in eight of it is in the paragraph. */
  | "quote-not-found"
  /** The best place found agrees too little with the quote and its context. */
  | "low-confidence"
  /** Two or more places fit about equally well. */
  | "ambiguous";

export type TAnchorResult =
  | {
      status: "anchored";
      /** Code points in the paragraph's current text. */
      start: number;
      end: number;
      /** position: the stored offsets still hold the quote in its context; quote: found verbatim elsewhere;
       *  fuzzy: found approximately; paragraph: a whole-paragraph note. */
      method: TAnchorMethod;
      /** 0…1; 1 for position and paragraph. */
      confidence: number;
    }
  | { status: "orphan"; reason: TOrphanReason };

/**
 * Where a note's passage is in the paragraph's current text. The fallback chain of hypothesis/client:
 *  (a) the stored position, if the text there is still the quote and reads the stored prefix/suffix around it;
 *  (b) the quote verbatim, the occurrence whose context agrees best (nearest the old position on a tie);
 *  (c) the quote approximately, if it is one clear best place above the confidence threshold.
 * Otherwise the note is an orphan: it is never attached to a look-alike passage.
 */
export function anchorInParagraph(paragraph: ParagraphText, target: TAnchorTarget): TAnchorResult {
  const { quote, position } = target;
  if (!quote) {
    if (position) return { status: "orphan", reason: "unverifiable" };
    return { status: "anchored", start: 0, end: paragraph.length, method: "paragraph", confidence: 1 };
  }
  if (
    position &&
    paragraph.containsRange(position.start, position.end) &&
    paragraph.slice(position.start, position.end) === quote.exact &&
    paragraph.hasContext(position.start, position.end, quote.prefix, quote.suffix)
  ) {
    return { status: "anchored", start: position.start, end: position.end, method: "position", confidence: 1 };
  }
  const hint = position && Number.isInteger(position.start) ? position.start : undefined;
  const match = matchQuote(paragraph, quote, hint);
  switch (match.status) {
    case "found": {
      const { start, end, errors, confidence } = match.candidate;
      return { status: "anchored", start, end, method: errors === 0 ? "quote" : "fuzzy", confidence };
    }
    case "not-found":
      return { status: "orphan", reason: "quote-not-found" };
    case "low-confidence":
      return { status: "orphan", reason: "low-confidence" };
    case "ambiguous":
      return { status: "orphan", reason: "ambiguous" };
  }
}

/** `anchorInParagraph` for one note; to anchor many against one paragraph, see reanchorAll. */
export function anchorPassage(paragraphText: string, target: TAnchorTarget): TAnchorResult {
  return anchorInParagraph(new ParagraphText(paragraphText), target);
}
