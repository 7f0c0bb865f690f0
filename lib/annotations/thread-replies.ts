import type { PrismaClient } from "../db/create-prisma-client";
import { withLiveReplies, type ThreadReply } from "./thread-order";

/** A thread's replies with just what ordering and placeholders need, oldest first. */
export async function threadShape(prisma: Pick<PrismaClient, "note">, threadId: string): Promise<ThreadReply[]> {
  const rows = await prisma.note.findMany({
    where: { threadId },
    select: { id: true, parentId: true, createdAt: true, deletedAt: true, author: { select: { displayName: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, parentId: row.parentId, createdAt: row.createdAt, deleted: row.deletedAt !== null, authorName: row.author.displayName }));
}

/** Whether a reply has live replies anywhere below it (which keeps it, once deleted, as a placeholder). */
export async function replyHasLiveReplies(prisma: Pick<PrismaClient, "note">, threadId: string, replyId: string): Promise<boolean> {
  return withLiveReplies(await threadShape(prisma, threadId)).has(replyId);
}
