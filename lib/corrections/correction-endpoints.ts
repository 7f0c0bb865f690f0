import { z } from "zod";
import { PARAGRAPH_ANCHOR_PATTERN } from "../anchoring/selectors";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZCorrectionResult, ZCorrectParagraph, ZParagraphHistory } from "./correction-schemas";

/** An anchor that cannot name a paragraph names nothing: 404, as for a paragraph the document does not have. */
const ZParagraphPath = z.strictObject({
  slug: z.string().describe("The document's slug"),
  anchor: z.string().regex(PARAGRAPH_ANCHOR_PATTERN).describe("The paragraph's anchor: p<n>, s<n>, dateline or fn<n>"),
});
const CORRECTIONS_PATH = "/api/documents/{slug}/paragraphs/{anchor}/corrections";

/** Old and new text of a long paragraph, in a script of two or three bytes a character, exceed the default 64 KB. */
const MAX_CORRECTION_BYTES = 256 * 1024;

export const GET_PARAGRAPH_HISTORY = defineEndpoint({
  method: "GET",
  path: CORRECTIONS_PATH,
  operationId: "getParagraphHistory",
  summary: "A paragraph's current text and every change it went through",
  description: "Public, like the text itself: the history of the text is part of the edition.",
  tag: "Documents",
  security: "public",
  params: ZParagraphPath,
  responses: { 200: { description: "The text now (footnote marks in code points) and its revisions, oldest first", schema: ZParagraphHistory, headers: { "Cache-Control": "no-store" } } },
  errors: [400, 404],
});

export const CORRECT_PARAGRAPH = defineEndpoint({
  method: "POST",
  path: CORRECTIONS_PATH,
  operationId: "correctParagraph",
  summary: "Correct a paragraph's text",
  description:
    "Admins. Applies only if the paragraph still reads oldText (409 otherwise); re-anchors every note on the paragraph and moves its footnote marks " +
    "in the same transaction (400 when the change spans a mark: make it as two). Recorded in the text's history and audited.",
  tag: "Documents",
  security: "token-or-session",
  params: ZParagraphPath,
  body: { schema: ZCorrectParagraph, maxBytes: MAX_CORRECTION_BYTES },
  responses: { 201: { description: "The new revision and what became of the notes", schema: ZCorrectionResult } },
  errors: [400, 401, 403, 404, 409, 413, 415],
});
