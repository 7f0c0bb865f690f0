import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { toNoteResource } from "../annotations/note-access";

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * The users among `userIds` whom the policy lets read the note or reply now ("note:read", with each user's own
 * actor and role in the item's group), so that no notification tells anyone about an item they may not see.
 * A deleted item notifies nobody.
 */
export async function readersAmong(tx: Client, noteId: string, userIds: Iterable<string>): Promise<string[]> {
  const candidates = [...new Set(userIds)];
  if (!candidates.length) return [];
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: {
      id: true, authorId: true, visibility: true, groupId: true, moderationStatus: true, deletedAt: true, replyCount: true,
      threadId: true, thread: { select: { moderationStatus: true } },
    },
  });
  if (!note || note.deletedAt) return [];
  const [users, memberships] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: candidates }, status: "active", deletedAt: null },
      select: { id: true, displayName: true, siteRole: true },
    }),
    note.groupId
      ? tx.membership.findMany({ where: { groupId: note.groupId, userId: { in: candidates } }, select: { userId: true, role: true } })
      : Promise.resolve([]),
  ]);
  const roleOf = new Map(memberships.map((membership) => [membership.userId, membership.role]));
  return users
    .filter((user) => {
      const actor: Actor = { kind: "user", id: user.id, displayName: user.displayName, siteRole: user.siteRole, suspended: false, sessionId: null };
      const role = roleOf.get(user.id);
      const roles = new Map<string, GroupRoleName>(note.groupId && role ? [[note.groupId, role]] : []);
      return can(actor, "note:read", toNoteResource(note, roles));
    })
    .map((user) => user.id);
}
