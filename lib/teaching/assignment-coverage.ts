import { codePointLength, sliceByCodePoints } from "../anchoring/code-point-text";
import type { PrismaClient } from "../db/create-prisma-client";
import type { TAssignmentPassage } from "./assignment-schemas";

export type StoredPassage = TAssignmentPassage & { exact: string };
/** What an assignment covers, as stored: the range as the letter's ordinals, the passages with their text. */
export type Coverage = { fromOrdinal: number; toOrdinal: number; passages: StoredPassage[] };
export type CoverageCheck = { ok: true; coverage: Coverage } | { ok: false; fields: Record<string, string[]> };

/**
 * The covered range and the chosen passages, checked against the letter: the coverage to store, or the field
 * messages saying why it does not fit (an unknown paragraph, a backwards range, a passage outside it or too long).
 */
export async function checkCoverage(
  prisma: PrismaClient,
  documentId: string,
  range: { fromParagraph: string; toParagraph: string },
  passages: TAssignmentPassage[],
): Promise<CoverageCheck> {
  const anchors = [...new Set([range.fromParagraph, range.toParagraph, ...passages.map((passage) => passage.paragraph)])];
  const paragraphs = await prisma.paragraph.findMany({ where: { documentId, anchorId: { in: anchors } }, select: { anchorId: true, ordinal: true, text: true } });
  const byAnchor = new Map(paragraphs.map((paragraph) => [paragraph.anchorId!, paragraph]));
  const fields: Record<string, string[]> = {};
  const from = byAnchor.get(range.fromParagraph);
  const to = byAnchor.get(range.toParagraph);
  if (!from) fields.fromParagraph = ["No such paragraph in the letter"];
  if (!to) fields.toParagraph = ["No such paragraph in the letter"];
  if (from && to && to.ordinal < from.ordinal) fields.toParagraph = ["The range must end at or after the paragraph it starts at"];
  const stored: StoredPassage[] = [];
  if (from && to && !fields.toParagraph) {
    passages.forEach((passage, index) => {
      const paragraph = byAnchor.get(passage.paragraph);
      if (!paragraph || paragraph.ordinal < from.ordinal || paragraph.ordinal > to.ordinal) {
        (fields.passages ??= []).push(`Passage ${index + 1} is not in the covered paragraphs`);
      } else if (passage.end > codePointLength(paragraph.text)) {
        (fields.passages ??= []).push(`Passage ${index + 1} ends after its paragraph`);
      } else {
        stored.push({ ...passage, exact: sliceByCodePoints(paragraph.text, passage.start, passage.end) });
      }
    });
  }
  if (Object.keys(fields).length > 0 || !from || !to) return { ok: false, fields };
  return { ok: true, coverage: { fromOrdinal: from.ordinal, toOrdinal: to.ordinal, passages: stored } };
}

/** The anchors ("p2") of the paragraphs at the given ordinals, for an edit that keeps one end of the range. */
export async function anchorsAt(prisma: PrismaClient, documentId: string, ordinals: number[]): Promise<(ordinal: number) => string> {
  const anchors = await prisma.paragraph.findMany({ where: { documentId, ordinal: { in: ordinals } }, select: { ordinal: true, anchorId: true } });
  return (ordinal) => anchors.find((paragraph) => paragraph.ordinal === ordinal)?.anchorId ?? "";
}
