import { z } from "zod";
import { codePointLength } from "./code-point-text";

/**
 * The W3C Web Annotation selectors a note stores (https://www.w3.org/TR/annotation-model/#selectors): a quote
 * with its context and the quote's offsets, both counted in Unicode code points within one paragraph's text.
 */

export const MAX_QUOTE_LENGTH = 5000;
export const MAX_CONTEXT_LENGTH = 64;
/** Paragraph anchors of a reading edition: p1…, s1…, dateline, fn1… */
export const PARAGRAPH_ANCHOR_PATTERN = /^(?:p\d+|s\d+|dateline|fn\d+)$/;

/** A string of `min`…`max` code points (checked in UTF-16 first, so a huge string is refused cheaply). */
const codePointString = (min: number, max: number) =>
  z
    .string()
    .max(max * 2, `At most ${max} characters`)
    .refine((value) => {
      const length = codePointLength(value);
      return length >= min && length <= max;
    }, min > 0 ? `Between ${min} and ${max} characters` : `At most ${max} characters`);

export const ZTextQuoteSelector = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: codePointString(1, MAX_QUOTE_LENGTH),
  /** Text just before the quote; empty at the start of a paragraph. */
  prefix: codePointString(0, MAX_CONTEXT_LENGTH).default(""),
  /** Text just after the quote; empty at the end of a paragraph. */
  suffix: codePointString(0, MAX_CONTEXT_LENGTH).default(""),
});
export type TTextQuoteSelector = z.infer<typeof ZTextQuoteSelector>;

export const ZTextPositionSelector = z
  .strictObject({
    type: z.literal("TextPositionSelector"),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((position) => position.start < position.end, { message: "start must be before end", path: ["end"] });
export type TTextPositionSelector = z.infer<typeof ZTextPositionSelector>;

/**
 * Where a note points: a paragraph, and optionally a passage in it. A passage carries both selectors (the position
 * is fast, the quote verifies it and survives corrections); a note on the whole paragraph carries neither.
 */
export const ZPassageTarget = z
  .strictObject({
    paragraphAnchorId: z.string().regex(PARAGRAPH_ANCHOR_PATTERN, "Not a paragraph anchor"),
    quote: ZTextQuoteSelector.optional(),
    position: ZTextPositionSelector.optional(),
  })
  .superRefine((target, context) => {
    if (!target.quote !== !target.position) {
      context.addIssue({
        code: "custom",
        message: "A passage needs both a quote and a position; a whole-paragraph note has neither",
        path: [target.quote ? "position" : "quote"],
      });
      return;
    }
    if (target.quote && target.position) {
      const length = target.position.end - target.position.start;
      if (length !== codePointLength(target.quote.exact)) {
        context.addIssue({
          code: "custom",
          message: "The position must span as many code points as the quote",
          path: ["position"],
        });
      }
    }
  });
export type TPassageTarget = z.infer<typeof ZPassageTarget>;

/**
 * The selectors anchoring reads: a stored target (its paragraph id is ignored: the caller has loaded that paragraph)
 * or a quote alone, as a W3C annotation imported from elsewhere may have. Not yet validated: every function that
 * takes one checks what it relies on.
 */
export type TAnchorTarget = {
  quote?: { type?: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };
  position?: { type?: "TextPositionSelector"; start: number; end: number };
};

/** A passage within one paragraph, in code points: [start, end). */
export type TCodePointRange = { start: number; end: number };
