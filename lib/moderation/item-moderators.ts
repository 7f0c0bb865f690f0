import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import type { NoteResource } from "../authz/resources";
import type { Prisma } from "../db/create-prisma-client";
import { notify } from "../notifications/notify";

type Item = { id: string; authorId: string; visibility: "private" | "group" | "public"; groupId: string | null };

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
      const actor: Actor = { kind: "user", id: user.id, displayName: user.displayName, siteRole: user.siteRole, suspended: false, sessionId: null };
      const role = item.groupId ? (user.memberships.find((membership) => membership.groupId === item.groupId)?.role ?? null) : null;
      return can(actor, "note:moderate", queuedItemResource(item, role));
    })
    .map((user) => user.id);
}

/** A live item entering the queue, as the policy sees it for a reader with this role in its group. */
function queuedItemResource(item: Item, viewerGroupRole: NoteResource["viewerGroupRole"]): NoteResource {
  return {
    type: "note",
    authorId: item.authorId,
    visibility: item.visibility,
    groupId: item.groupId,
    viewerGroupRole,
    moderationStatus: "pending",
    threadStatus: null,
    deleted: false,
    hasReplies: false,
    peerGate: "open",
    readerHasOwnNoteOnParagraph: false,
    assignmentDue: false,
  };
}

/** Tells an item's moderators that it entered their queue (pending on creation, or flagged for the first time). */
export async function announceQueued(tx: Prisma.TransactionClient, item: Item & { threadId: string | null }, why: "pending" | "flagged"): Promise<void> {
  const what = item.threadId ? "A reply" : "A note";
  const text = why === "pending" ? `${what} waits for your review` : `${what} was flagged and waits for your review`;
  await notify(tx, { userIds: await itemModeratorIds(tx, item), kind: "queue", noteId: item.id, text, excludeUserId: item.authorId });
}
