import type { Prisma } from "../db/create-prisma-client";
import { planReanchoring, type TReanchorSummary } from "./plan-reanchoring";

/**
 * Re-anchors every note that opens a thread on one paragraph against its new text, inside the caller's transaction
 * (a correction or a revised import), so the text and the notes' anchors change together or not at all. Replies
 * have no passage of their own: they follow their thread. Deleted notes kept as placeholders are re-anchored too,
 * so their thread keeps its place.
 */
export async function reanchorParagraphNotes(tx: Prisma.TransactionClient, paragraphId: string, newText: string): Promise<TReanchorSummary> {
  const notes = await tx.note.findMany({
    where: { paragraphId, threadId: null },
    select: {
      id: true,
      anchorStatus: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
      updatedAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const updatedAt = new Map(notes.map((note) => [note.id, note.updatedAt]));
  const { updates, summary } = planReanchoring(newText, notes);
  for (const { id, ...anchor } of updates) {
    // The note's own words did not change, so its "last edited" time stays; the correction has its own record.
    await tx.note.update({ where: { id }, data: { ...anchor, updatedAt: updatedAt.get(id) } });
  }
  return summary;
}
