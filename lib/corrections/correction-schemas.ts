import { z } from "zod";
import { codePointLength } from "../anchoring/code-point-text";
import { ZRowId } from "../db/row-id";

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

/** What a correction did to the paragraph's notes (lib/corrections/plan-reanchoring.ts). */
export const ZReanchorSummary = z.strictObject({
  kept: z.number().int().min(0),
  moved: z.number().int().min(0),
  orphaned: z.number().int().min(0),
  restored: z.number().int().min(0),
});

/** The answer of a correction: the new revision, the text's revision, and what became of the paragraph's notes. */
export const ZCorrectionResult = z
  .strictObject({
    paragraph: z.string(),
    revisionId: ZRowId,
    /** The document's text revision after the correction (readers' cached editions are keyed by it). */
    textRevision: z.number().int().min(1),
    notes: ZReanchorSummary,
  })
  .meta({ id: "CorrectionResult" });
export type TCorrectionResult = z.infer<typeof ZCorrectionResult>;

/** One change of a paragraph's text, as readers see it: the history of the text is part of the edition. */
export const ZParagraphRevision = z
  .strictObject({
    id: ZRowId,
    paragraph: z.string(),
    source: z.enum(["import", "correction"]),
    oldText: z.string(),
    newText: z.string(),
    reason: z.string(),
    /** Who made it: the editor's display name at the time, or the import that brought a revised source. */
    actorLabel: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ParagraphRevision" });
export type ParagraphRevisionView = z.infer<typeof ZParagraphRevision>;

/** GET …/paragraphs/<anchor>/corrections: the paragraph's text now (marks in code points) and its changes, oldest first. */
export const ZParagraphHistory = z.strictObject({
  paragraph: z.strictObject({
    anchor: z.string(),
    text: z.string(),
    marks: z.array(z.strictObject({ label: z.string(), offset: z.number().int().min(0) })),
  }),
  revisions: z.array(ZParagraphRevision),
});
export type ParagraphHistory = z.infer<typeof ZParagraphHistory>;
