import type { Actor, GroupRoleName } from "../authz/actor";
import type { NoteResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";

/** The actor's group roles, loaded once per request and used for every note it reads. */
export async function groupRolesOf(prisma: PrismaClient, actor: Actor): Promise<Map<string, GroupRoleName>> {
  if (actor.kind !== "user" || actor.suspended) return new Map();
  const memberships = await prisma.membership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true } });
  return new Map(memberships.map((membership) => [membership.groupId, membership.role]));
}

type NoteFacts = { authorId: string; visibility: NoteResource["visibility"]; groupId: string | null; moderationStatus: NoteResource["moderationStatus"]; deletedAt: Date | null };

export function toNoteResource(note: NoteFacts, roles: Map<string, GroupRoleName>): NoteResource {
  return {
    type: "note",
    authorId: note.authorId,
    visibility: note.visibility,
    groupId: note.groupId,
    viewerGroupRole: note.groupId ? (roles.get(note.groupId) ?? null) : null,
    moderationStatus: note.moderationStatus,
    deleted: Boolean(note.deletedAt),
  };
}

/**
 * The same rule as the policy's "note:read", as a query filter, so lists and counts never load what the reader may
 * not see. Tests check that the two agree; every row is still passed through can() after loading.
 */
export function visibleNotesWhere(actor: Actor, roles: Map<string, GroupRoleName>): Prisma.NoteWhereInput {
  const approved = { deletedAt: null, moderationStatus: "approved" as const };
  const shared: Prisma.NoteWhereInput[] = [
    { ...approved, visibility: "public" },
    ...(roles.size ? [{ ...approved, visibility: "group" as const, groupId: { in: [...roles.keys()] } }] : []),
  ];
  if (actor.kind === "user" && !actor.suspended) shared.push({ deletedAt: null, authorId: actor.id });
  return { OR: shared };
}
