import type { Prisma } from "../db/create-prisma-client";

type Status = "approved" | "pending" | "hidden" | "spam";

/**
 * An import that waits for review is one entry in the queue: its items are pending, and only its lead (the first
 * item written) is queued. A decision on the lead that changes its status gives the same status to every item of
 * the batch still pending, in the decision's transaction, and answers how many it decided besides the lead.
 */
export async function decideRestOfBatch(tx: Prisma.TransactionClient, batchId: string, leadId: string, status: Status, reason: string | null): Promise<number> {
  const { count } = await tx.note.updateMany({
    where: { importBatchId: batchId, id: { not: leadId }, moderationStatus: "pending", deletedAt: null },
    data: { moderationStatus: status, moderationReason: status === "approved" ? null : reason, moderationRevision: { increment: 1 }, queuedAt: null },
  });
  // Decided, they leave the batch (the ImportBatch row stays as the record of the import): a later edit that sends
  // one back to review makes it an item of its own, not a second entry for the batch.
  const threads = await tx.$queryRaw<{ id: string }[]>`SELECT DISTINCT COALESCE("threadId", id) AS id FROM "Note" WHERE "importBatchId" = ${batchId}::uuid`;
  await tx.note.updateMany({ where: { importBatchId: batchId, moderationStatus: { not: "pending" } }, data: { importBatchId: null } });
  // Every thread the batch touched: its replies carry its status, and it counts its approved replies.
  const ids = threads.map((thread) => thread.id);
  await tx.$executeRaw`
    UPDATE "Note" r SET "threadStatus" = t."moderationStatus"
    FROM "Note" t
    WHERE r."threadId" = t.id AND t.id = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "Note" t SET "replyCount" = (
      SELECT count(*)::int FROM "Note" r WHERE r."threadId" = t.id AND r."deletedAt" IS NULL AND r."moderationStatus" = 'approved')
    WHERE t.id = ANY(${ids}::uuid[])`;
  return count;
}

/**
 * When the importer deletes the queued lead of a batch still waiting, the next pending item of the batch takes its
 * place in the queue (keeping its time there), so the rest of the batch is not left waiting where nobody sees it.
 */
export async function passBatchLead(tx: Prisma.TransactionClient, batchId: string, queuedAt: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Note" SET "queuedAt" = ${queuedAt}::timestamp
    WHERE id = (
      SELECT id FROM "Note"
      WHERE "importBatchId" = ${batchId}::uuid AND "moderationStatus" = 'pending' AND "deletedAt" IS NULL AND "queuedAt" IS NULL
      ORDER BY "threadId" NULLS FIRST, "createdAt", id
      LIMIT 1)`;
}
