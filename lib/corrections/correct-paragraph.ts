import { PARAGRAPH_ANCHOR_PATTERN } from "../anchoring/selectors";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { sha256Hex } from "../documents/content-hash";
import { AppError, notFound } from "../errors/app-error";
import { fieldErrors } from "../http/error-response";
import { ZCorrectParagraph } from "./correction-schemas";
import type { TReanchorSummary } from "./plan-reanchoring";
import { reanchorParagraphNotes } from "./reanchor-paragraph-notes";
import { shiftFootnoteMarks, textBeforeMark } from "./shift-footnote-marks";

export type TCorrectionResult = {
  paragraph: string;
  revisionId: string;
  /** The document's text revision after the correction (readers' cached editions are keyed by it). */
  textRevision: number;
  notes: TReanchorSummary;
};

/** Re-anchoring writes one row per moved note: give a paragraph with many notes more than Prisma's default 5 s. */
const TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 30_000 };

const changedMeanwhile = () =>
  new AppError("conflict", "The paragraph changed since you opened it. Reload it and apply your correction to the current text.");

/**
 * Records an editor's correction of one paragraph's text, in one transaction: the text and its hash, the document's
 * text revision, a ParagraphRevision, the footnote marks' offsets and every note's anchor change together or not at
 * all. Optimistic: it applies only if the paragraph still reads `oldText`, so of two editors who opened the same
 * text, the second is told (409) instead of overwriting the first. Admins only ("paragraph:correct").
 */
export async function correctParagraph(
  prisma: PrismaClient,
  actor: Actor,
  slug: string,
  anchorId: string,
  input: unknown,
): Promise<TCorrectionResult> {
  assertCan(actor, "paragraph:correct", { type: "document" });
  const parsed = ZCorrectParagraph.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", "Invalid input", { fields: fieldErrors(parsed.error) });
  const { oldText, newText, reason } = parsed.data;
  if (!PARAGRAPH_ANCHOR_PATTERN.test(anchorId)) throw notFound("No such paragraph in this document");
  const editor = actor as Extract<Actor, { kind: "user" }>;

  return prisma.$transaction(async (tx) => {
    const paragraph = await tx.paragraph.findFirst({
      where: { anchorId, document: { slug } },
      select: { id: true, documentId: true, text: true, contentHash: true, footnoteMarks: { select: { id: true, label: true, markOffset: true } } },
    });
    if (!paragraph) throw notFound("No such paragraph in this document");
    if (paragraph.text !== oldText) throw changedMeanwhile();

    const marks = shiftFootnoteMarks(oldText, newText, paragraph.footnoteMarks.map((mark) => ({ label: mark.label, offset: mark.markOffset })));
    if (!marks.ok) {
      const mark = paragraph.footnoteMarks.find((candidate) => candidate.label === marks.label)!;
      throw new AppError("bad_request", "Invalid input", {
        fields: {
          newText: [
            `This changes the words on both sides of footnote mark ${mark.label} (after “${textBeforeMark(oldText, mark.markOffset)}”). ` +
              "Correct the text before the mark and the text after it as two corrections, so the mark stays where it belongs.",
          ],
        },
      });
    }

    // The conditional update takes the row lock and re-reads the row: a correction committed since our read
    // leaves nothing to update here, and this one is refused.
    const newHash = sha256Hex(newText);
    const { count } = await tx.paragraph.updateMany({
      where: { id: paragraph.id, contentHash: paragraph.contentHash, text: oldText },
      data: { text: newText, contentHash: newHash },
    });
    if (count === 0) throw changedMeanwhile();

    for (const mark of paragraph.footnoteMarks) {
      const offset = marks.marks.find((candidate) => candidate.label === mark.label)!.offset;
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
    return { paragraph: anchorId, revisionId: revision.id, textRevision: document.textRevision, notes };
  }, TRANSACTION_LIMITS);
}
