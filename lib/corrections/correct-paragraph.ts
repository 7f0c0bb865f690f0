import { z } from "zod";
import { PARAGRAPH_ANCHOR_PATTERN } from "../anchoring/selectors";
import type { Actor } from "../authz/actor";
import { sha256Hex } from "../documents/content-hash";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { ZCorrectionResult, ZCorrectParagraph } from "./correction-schemas";
import { reanchorParagraphNotes } from "./reanchor-paragraph-notes";
import { shiftFootnoteMarks, textBeforeMark } from "./shift-footnote-marks";

/** Re-anchoring writes one row per moved note: give a paragraph with many notes more than Prisma's default 5 s. */
const TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 30_000 };

const changedMeanwhile = () =>
  new AppError("conflict", "The paragraph changed since you opened it. Reload it and apply your correction to the current text.");
const noSuchParagraph = () => notFound("No such paragraph in this document");

/** Moving the marks with the text, or, when the change spans one, the 400 that says how to make it in two. */
function shiftedMarks(paragraph: { text: string; footnoteMarks: { label: string; markOffset: number }[] }, newText: string) {
  const marks = shiftFootnoteMarks(paragraph.text, newText, paragraph.footnoteMarks.map((mark) => ({ label: mark.label, offset: mark.markOffset })));
  if (marks.ok) return { marks: marks.marks, refusal: null };
  const mark = paragraph.footnoteMarks.find((candidate) => candidate.label === marks.label)!;
  const refusal = new AppError("bad_request", "Invalid input", {
    fields: {
      newText: [
        `This changes the words on both sides of footnote mark ${mark.label} (after “${textBeforeMark(paragraph.text, mark.markOffset)}”). ` +
          "Correct the text before the mark and the text after it as two corrections, so the mark stays where it belongs.",
      ],
    },
  });
  return { marks: [], refusal };
}

/**
 * Records an editor's correction of one paragraph's text, in one transaction: the text and its hash, the document's
 * text revision, a ParagraphRevision, the footnote marks' offsets, every note's anchor change and the audit record
 * together or not at all. Optimistic: it applies only if the paragraph still reads `oldText`, so of two editors who
 * opened the same text, the second is told (409) instead of overwriting the first. Admins only ("paragraph:correct"),
 * asked before the paragraph is looked for, so others are refused whatever they name.
 */
export const correctParagraph = defineOperation({
  name: "paragraph.correct",
  // The anchor is not checked here: one that cannot name a paragraph is a 404 (load), never a 400.
  input: ZCorrectParagraph.safeExtend({ slug: z.string(), anchor: z.string() }),
  output: ZCorrectionResult,
  load: async (db, _actor, input) => {
    if (!PARAGRAPH_ANCHOR_PATTERN.test(input.anchor)) return null;
    return db.paragraph.findFirst({
      where: { anchorId: input.anchor, document: { slug: input.slug } },
      select: { id: true, documentId: true, text: true, contentHash: true, footnoteMarks: { select: { id: true, label: true, markOffset: true } } },
    });
  },
  authorise: () => check("paragraph:correct", { type: "document" }),
  refuse: ({ input, loaded: paragraph }) => {
    if (!paragraph) return noSuchParagraph();
    if (paragraph.text !== input.oldText) return changedMeanwhile();
    return shiftedMarks(paragraph, input.newText).refusal;
  },
  run: async (tx, { actor, input, loaded }) => {
    const paragraph = loaded!;
    const editor = actor as Extract<Actor, { kind: "user" }>;
    const { oldText, newText, reason } = input;
    // The conditional update takes the row lock and re-reads the row: a correction committed since our read
    // leaves nothing to update here, and this one is refused.
    const newHash = sha256Hex(newText);
    const { count } = await tx.paragraph.updateMany({
      where: { id: paragraph.id, contentHash: paragraph.contentHash, text: oldText },
      data: { text: newText, contentHash: newHash },
    });
    if (count === 0) throw changedMeanwhile();

    const { marks } = shiftedMarks(paragraph, newText);
    for (const mark of paragraph.footnoteMarks) {
      const offset = marks.find((candidate) => candidate.label === mark.label)!.offset;
      if (offset !== mark.markOffset) await tx.footnoteRef.update({ where: { id: mark.id }, data: { markOffset: offset } });
    }
    const revision = await tx.paragraphRevision.create({
      data: {
        paragraphId: paragraph.id,
        oldText,
        newText,
        oldHash: paragraph.contentHash,
        newHash,
        reason,
        source: "correction",
        actorId: editor.id,
        actorLabel: editor.displayName,
      },
      select: { id: true },
    });
    const document = await tx.document.update({
      where: { id: paragraph.documentId },
      data: { textRevision: { increment: 1 } },
      select: { textRevision: true },
    });
    const notes = await reanchorParagraphNotes(tx, paragraph.id, newText);
    return { paragraph: input.anchor, revisionId: revision.id, textRevision: document.textRevision, notes, hashes: { before: paragraph.contentHash, after: newHash } };
  },
  // The texts themselves are in the ParagraphRevision (readers see it); the audit line names them by their hashes.
  audit: ({ input, loaded, result }) => ({
    action: "paragraph.correct",
    targetId: loaded!.id,
    before: result.hashes.before,
    after: result.hashes.after,
    reason: `${input.slug} ${input.anchor}: ${input.reason}`,
  }),
  present: ({ hashes: _hashes, ...result }) => result,
  transaction: TRANSACTION_LIMITS,
});
