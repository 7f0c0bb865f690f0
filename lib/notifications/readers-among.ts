import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { readerContextOf, toNoteResource } from "../annotations/note-access";

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * The users among `userIds` whom the policy lets read the note or reply now ("note:read", with each user's own
 * actor and role in the item's group), so that no notification tells anyone about an item they may not see.
 * A deleted item notifies nobody. On an assignment, each user's own notes on its paragraph and the due date decide
 * (peer visibility), judged at `now`.
 */
export async function readersAmong(tx: Client, noteId: string, userIds: Iterable<string>, now: Date = new Date()): Promise<string[]> {
  const candidates = [...new Set(userIds)];
  if (!candidates.length) return [];
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: {
      id: true, authorId: true, visibility: true, groupId: true, moderationStatus: true, deletedAt: true, replyCount: true,
      threadId: true, thread: { select: { moderationStatus: true } }, paragraphId: true,
      assignmentId: true, assignment: { select: { id: true, groupId: true, peerVisibility: true, dueAt: true } },
    },
  });
  if (!note || note.deletedAt) return [];
  const { assignment } = note;
  const [users, memberships, ownNotes] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: candidates }, status: "active", deletedAt: null },
      select: { id: true, displayName: true, siteRole: true },
    }),
    note.groupId
      ? tx.membership.findMany({ where: { groupId: note.groupId, userId: { in: candidates } }, select: { userId: true, role: true } })
      : Promise.resolve([]),
    assignment
      ? tx.note.findMany({
          where: { assignmentId: assignment.id, paragraphId: note.paragraphId, authorId: { in: candidates }, threadId: null, deletedAt: null },
          select: { authorId: true, assignmentId: true, paragraphId: true },
        })
      : Promise.resolve([]),
  ]);
  const roleOf = new Map(memberships.map((membership) => [membership.userId, membership.role]));
  return users
    .filter((user) => {
      const actor: Actor = { kind: "user", id: user.id, displayName: user.displayName, siteRole: user.siteRole, sessionId: null };
      const role = roleOf.get(user.id);
      const roles: [string, GroupRoleName][] = note.groupId && role ? [[note.groupId, role]] : [];
      // As in readerContext: an assignment is known to the members of its class only (others find its gate closed).
      const assignments = assignment && role && assignment.groupId === note.groupId ? [assignment] : [];
      const reader = readerContextOf(roles, assignments, ownNotes.filter((own) => own.authorId === user.id), now);
      return can(actor, "note:read", toNoteResource(note, reader));
    })
    .map((user) => user.id);
}
