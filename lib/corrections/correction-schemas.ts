import { z } from "zod";
import { codePointLength } from "../anchoring/code-point-text";

export const MAX_PARAGRAPH_LENGTH = 20_000;

/** Characters PostgreSQL cannot store in text (NUL) or that no edition text has: other control characters. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Half a surrogate pair: not a character; PostgreSQL would store U+FFFD instead of what was sent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Paragraph text exactly as the editor typed it: never trimmed or normalised (to NFC or otherwise), since the
 * edition reproduces its source to the character; only what cannot be text is refused.
 */
const ZParagraphText = (max: number) =>
  z
    .string()
    .max(max * 2, `At most ${max} characters`)
    .refine((text) => codePointLength(text) <= max, `At most ${max} characters`)
    .refine((text) => text.trim().length > 0, "The text cannot be empty")
    .refine((text) => !CONTROL.test(text), "The text contains a control character")
    .refine((text) => !LONE_SURROGATE.test(text), "The text contains an invalid character");

export const ZCorrectParagraph = z
  .strictObject({
    /** The text the editor saw: the correction applies only if the paragraph still reads so. */
    oldText: z.string("Send the paragraph's text as you saw it").max(MAX_PARAGRAPH_LENGTH * 4, "Not this paragraph's text"),
    newText: ZParagraphText(MAX_PARAGRAPH_LENGTH),
    reason: z
      .string("Give a reason")
      .trim()
      .min(3, "Give a reason of at least 3 characters")
      .max(500, "At most 500 characters")
      .refine((text) => !CONTROL.test(text), "The reason contains a control character")
      .refine((text) => !LONE_SURROGATE.test(text), "The reason contains an invalid character"),
  })
  .refine((input) => input.newText !== input.oldText, { message: "The new text is the same as the current text", path: ["newText"] });
export type TCorrectParagraph = z.infer<typeof ZCorrectParagraph>;
