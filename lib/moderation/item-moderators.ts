import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import { readerContextOf, toNoteResource, type NoteFacts } from "../annotations/note-access";
import type { Prisma } from "../db/create-prisma-client";
import { notify } from "../notifications/notify";

type Item = NoteFacts & { id: string };

/**
 * Whom the queue notification for an item goes to: whoever the policy lets moderate it ("note:moderate", asked per
 * candidate). The candidates are the active site reviewers and admins and, for a group item, that group's owners
 * and moderators; can() then decides, so admins get group items as the policy says and nobody gets a private one.
 */
export async function itemModeratorIds(tx: Prisma.TransactionClient, item: Item): Promise<string[]> {
  if (item.visibility === "private") return [];
  const staffOfGroup = item.groupId ? [{ memberships: { some: { groupId: item.groupId, role: { in: ["owner" as const, "moderator" as const] } } } }] : [];
  const candidates = await tx.user.findMany({
    where: { status: "active", deletedAt: null, id: { not: item.authorId }, OR: [{ siteRole: { in: ["reviewer", "admin"] } }, ...staffOfGroup] },
    // Only the roles in the item's group matter; for a public item none are read.
    select: { id: true, displayName: true, siteRole: true, memberships: { where: { groupId: item.groupId ?? { in: [] } }, select: { groupId: true, role: true } } },
  });
  return candidates
    .filter((user) => {
      const actor: Actor = { kind: "user", id: user.id, displayName: user.displayName, siteRole: user.siteRole, sessionId: null };
      const role = item.groupId ? (user.memberships.find((membership) => membership.groupId === item.groupId)?.role ?? null) : null;
      // The item as this candidate's reader facts make it: only its role in the item's group matters to moderatesNote.
      return can(actor, "note:moderate", toNoteResource(item, readerContextOf(role ? [[item.groupId!, role]] : [], [], [], new Date())));
    })
    .map((user) => user.id);
}

/** Tells an item's moderators that it entered their queue (pending on creation, or flagged for the first time). */
export async function announceQueued(tx: Prisma.TransactionClient, item: Item, why: "pending" | "flagged"): Promise<void> {
  const what = item.threadId ? "A reply" : "A note";
  const text = why === "pending" ? `${what} waits for your review` : `${what} was flagged and waits for your review`;
  await notify(tx, { userIds: await itemModeratorIds(tx, item), kind: "queue", noteId: item.id, text, excludeUserId: item.authorId });
}
