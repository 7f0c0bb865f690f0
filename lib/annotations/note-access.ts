import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import type { NoteResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { ModerationSight } from "./load-notes";

/** The actor's group roles, loaded once per request and used for every note it reads. */
export async function groupRolesOf(prisma: PrismaClient, actor: Actor): Promise<Map<string, GroupRoleName>> {
  if (actor.kind !== "user" || actor.suspended) return new Map();
  const memberships = await prisma.membership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true } });
  return new Map(memberships.map((membership) => [membership.groupId, membership.role]));
}

type NoteFacts = {
  id?: string;
  authorId: string;
  visibility: NoteResource["visibility"];
  groupId: string | null;
  moderationStatus: NoteResource["moderationStatus"];
  deletedAt: Date | null;
  /** Absent where a caller reads live notes only. */
  replyCount?: number;
  /** A reply's thread (its status decides whether others see the reply); null for a note. */
  threadId: string | null;
  /** A reply's copy of its thread's status (Note.threadStatus); preferred to `thread` when loaded. */
  threadStatus?: NoteResource["moderationStatus"] | null;
  thread?: { moderationStatus: NoteResource["moderationStatus"] } | null;
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
    threadStatus: threadStatusOf(note),
    deleted: Boolean(note.deletedAt),
    hasReplies,
  };
}

function threadStatusOf(note: NoteFacts): NoteResource["threadStatus"] {
  if (note.threadId === null) return null;
  if (note.threadStatus) return note.threadStatus;
  // A reply loaded without its thread's status would be judged as if its thread were approved: refuse rather than leak.
  if (!note.thread) throw new Error(`reply ${note.id ?? ""} was loaded without its thread's moderation status`);
  return note.thread.moderationStatus;
}

/** What of an item's moderation this actor is shown (toNoteView): its moderators see most, its author the reason. */
export function moderationSightOf(actor: Actor, resource: NoteResource): ModerationSight {
  if (can(actor, "note:moderate", resource)) return "moderator";
  return actor.kind === "user" && actor.id === resource.authorId ? "author" : "reader";
}

/** The groups in which the actor is an owner or moderator (whose items it moderates). */
export function staffGroupIds(roles: Map<string, GroupRoleName>): string[] {
  return [...roles].filter(([, role]) => role === "owner" || role === "moderator").map(([groupId]) => groupId);
}

/**
 * The same rule as the policy's "note:read", as a query filter, so lists and counts never load what the reader may
 * not see. Tests check that the two agree; every row is still passed through can() after loading.
 * A deleted note whose thread has live replies is kept (as a placeholder, see toNoteView): that is exact for notes
 * that open a thread; a deleted reply is placed by the thread code, which reads the whole thread.
 */
export function visibleNotesWhere(actor: Actor, roles: Map<string, GroupRoleName>): Prisma.NoteWhereInput {
  const liveOrPlaceholder: Prisma.NoteWhereInput = { OR: [{ deletedAt: null }, { replyCount: { gt: 0 } }] };
  const approved: Prisma.NoteWhereInput = {
    moderationStatus: "approved",
    OR: [{ threadId: null }, { threadStatus: "approved" }],
  };
  const shared: Prisma.NoteWhereInput[] = [
    { AND: [approved, { visibility: "public" }] },
    ...(roles.size ? [{ AND: [approved, { visibility: "group" as const, groupId: { in: [...roles.keys()] } }] }] : []),
  ];
  if (actor.kind === "user" && !actor.suspended) {
    shared.push({ authorId: actor.id });
    // Moderators see every item they moderate, whatever its status (their own are covered just above).
    const siteRole = actor.siteRole;
    if (siteRole === "reviewer" || siteRole === "admin") shared.push({ visibility: "public" });
    if (siteRole === "admin") shared.push({ visibility: "group" });
    else if (staffGroupIds(roles).length) shared.push({ visibility: "group", groupId: { in: staffGroupIds(roles) } });
  }
  return { AND: [liveOrPlaceholder, { OR: shared }] };
}
