import type { Actor, GroupRoleName } from "../authz/actor";
import type { NoteResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";

/** The actor's group roles, loaded once per request and used for every note it reads. */
export async function groupRolesOf(prisma: PrismaClient, actor: Actor): Promise<Map<string, GroupRoleName>> {
  if (actor.kind !== "user" || actor.suspended) return new Map();
  const memberships = await prisma.membership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true } });
  return new Map(memberships.map((membership) => [membership.groupId, membership.role]));
}

type NoteFacts = {
  authorId: string;
  visibility: NoteResource["visibility"];
  groupId: string | null;
  moderationStatus: NoteResource["moderationStatus"];
  deletedAt: Date | null;
  /** Absent where a caller reads live notes only. */
  replyCount?: number;
};

/**
 * `hasReplies` defaults to the thread's live reply count, which is exact for a note that opens a thread; a reply's
 * own answers are not counted in a column, so thread code (reply-operations.ts) passes what it found in the thread.
 */
export function toNoteResource(note: NoteFacts, roles: Map<string, GroupRoleName>, hasReplies = (note.replyCount ?? 0) > 0): NoteResource {
  return {
    type: "note",
    authorId: note.authorId,
    visibility: note.visibility,
    groupId: note.groupId,
    viewerGroupRole: note.groupId ? (roles.get(note.groupId) ?? null) : null,
    moderationStatus: note.moderationStatus,
    deleted: Boolean(note.deletedAt),
    hasReplies,
  };
}

/**
 * The same rule as the policy's "note:read", as a query filter, so lists and counts never load what the reader may
 * not see. Tests check that the two agree; every row is still passed through can() after loading.
 * A deleted note whose thread has live replies is kept (as a placeholder, see toNoteView): that is exact for notes
 * that open a thread; a deleted reply is placed by the thread code, which reads the whole thread.
 */
export function visibleNotesWhere(actor: Actor, roles: Map<string, GroupRoleName>): Prisma.NoteWhereInput {
  const liveOrPlaceholder: Prisma.NoteWhereInput = { OR: [{ deletedAt: null }, { replyCount: { gt: 0 } }] };
  const approved = { moderationStatus: "approved" as const };
  const shared: Prisma.NoteWhereInput[] = [
    { ...approved, visibility: "public" },
    ...(roles.size ? [{ ...approved, visibility: "group" as const, groupId: { in: [...roles.keys()] } }] : []),
  ];
  if (actor.kind === "user" && !actor.suspended) shared.push({ authorId: actor.id });
  return { AND: [liveOrPlaceholder, { OR: shared }] };
}
