import type { Prisma } from "../db/create-prisma-client";
import { notify } from "../notifications/notify";

type Item = { id: string; authorId: string; visibility: "private" | "group" | "public"; groupId: string | null };

/**
 * Whom the queue notification for an item goes to: for a public item every active reviewer and admin, for a group
 * item that group's owners and moderators; nobody for a private item. Never the item's author.
 */
export async function itemModeratorIds(tx: Prisma.TransactionClient, item: Item): Promise<string[]> {
  const active = { status: "active" as const, deletedAt: null, id: { not: item.authorId } };
  if (item.visibility === "public") {
    const users = await tx.user.findMany({ where: { ...active, siteRole: { in: ["reviewer", "admin"] } }, select: { id: true } });
    return users.map((user) => user.id);
  }
  if (item.visibility === "group" && item.groupId) {
    const staff = await tx.membership.findMany({
      where: { groupId: item.groupId, role: { in: ["owner", "moderator"] }, user: active },
      select: { userId: true },
    });
    return staff.map((membership) => membership.userId);
  }
  return [];
}

/** Tells an item's moderators that it entered their queue (pending on creation, or flagged for the first time). */
export async function announceQueued(tx: Prisma.TransactionClient, item: Item & { threadId: string | null }, why: "pending" | "flagged"): Promise<void> {
  const what = item.threadId ? "A reply" : "A note";
  const text = why === "pending" ? `${what} waits for your review` : `${what} was flagged and waits for your review`;
  await notify(tx, { userIds: await itemModeratorIds(tx, item), kind: "queue", noteId: item.id, text, excludeUserId: item.authorId });
}
