import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import type { NoteResource, PeerGate } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { ModerationSight } from "./load-notes";

/** The actor's group roles, loaded once per request and used for every note it reads. */
export async function groupRolesOf(prisma: PrismaClient, actor: Actor): Promise<Map<string, GroupRoleName>> {
  if (actor.kind !== "user" || actor.suspended) return new Map();
  const memberships = await prisma.membership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true } });
  return new Map(memberships.map((membership) => [membership.groupId, membership.role]));
}

export type PeerVisibilityName = "always" | "after_first_note" | "after_due";
type AssignmentGate = { peerVisibility: PeerVisibilityName; dueAt: Date };

/**
 * What the policy needs to know about the reader, loaded once per request and used for every note it reads: its
 * roles in its groups, the assignments of those groups (their peer visibility and due instant), the paragraphs on
 * which it has written a live note of its own for each assignment, and the instant due dates are compared with.
 */
export type ReaderContext = {
  roles: Map<string, GroupRoleName>;
  assignments: Map<string, AssignmentGate>;
  /** assignmentId → the paragraphs with the reader's own live note (not a reply) for that assignment. */
  ownNoteParagraphs: Map<string, Set<string>>;
  now: Date;
};

/** `now` comes from the app's clock (a parameter, so that tests can move it); SQL never asks the database for it. */
export async function readerContext(prisma: Prisma.TransactionClient | PrismaClient, actor: Actor, now: Date = new Date()): Promise<ReaderContext> {
  if (actor.kind !== "user" || actor.suspended) return { roles: new Map(), assignments: new Map(), ownNoteParagraphs: new Map(), now };
  const [memberships, ownNotes] = await Promise.all([
    prisma.membership.findMany({
      where: { userId: actor.id },
      select: { groupId: true, role: true, group: { select: { assignments: { select: { id: true, peerVisibility: true, dueAt: true } } } } },
    }),
    prisma.note.findMany({
      where: { authorId: actor.id, assignmentId: { not: null }, threadId: null, deletedAt: null },
      select: { assignmentId: true, paragraphId: true },
      distinct: ["assignmentId", "paragraphId"],
    }),
  ]);
  return readerContextOf(memberships.map(({ groupId, role }) => [groupId, role]), memberships.flatMap((m) => m.group.assignments), ownNotes, now);
}

/** A reader's context from facts already loaded (notification recipients are judged in bulk, see readers-among.ts). */
export function readerContextOf(
  roles: Iterable<[string, GroupRoleName]>,
  assignments: Iterable<{ id: string; peerVisibility: PeerVisibilityName; dueAt: Date }>,
  ownNotes: Iterable<{ assignmentId: string | null; paragraphId: string }>,
  now: Date,
): ReaderContext {
  const ownNoteParagraphs = new Map<string, Set<string>>();
  for (const { assignmentId, paragraphId } of ownNotes) {
    if (assignmentId) (ownNoteParagraphs.get(assignmentId) ?? ownNoteParagraphs.set(assignmentId, new Set()).get(assignmentId)!).add(paragraphId);
  }
  return {
    roles: new Map(roles),
    assignments: new Map([...assignments].map(({ id, peerVisibility, dueAt }) => [id, { peerVisibility, dueAt }])),
    ownNoteParagraphs,
    now,
  };
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
  /** A class note's assignment (a reply copies its thread's) and its paragraph decide peer visibility. */
  assignmentId: string | null;
  paragraphId: string;
};

/**
 * `hasReplies` defaults to the thread's live reply count, which is exact for a note that opens a thread; a reply's
 * own answers are not counted in a column, so thread code (reply-operations.ts) passes what it found in the thread.
 */
export function toNoteResource(note: NoteFacts, reader: ReaderContext, hasReplies = (note.replyCount ?? 0) > 0): NoteResource {
  return {
    type: "note",
    authorId: note.authorId,
    visibility: note.visibility,
    groupId: note.groupId,
    viewerGroupRole: note.groupId ? (reader.roles.get(note.groupId) ?? null) : null,
    moderationStatus: note.moderationStatus,
    threadStatus: threadStatusOf(note),
    deleted: Boolean(note.deletedAt),
    hasReplies,
    ...peerFactsOf(note, reader),
  };
}

const GATE_OF: Record<PeerVisibilityName, PeerGate> = { always: "open", after_first_note: "needs-own-note", after_due: "after-due" };

function peerFactsOf(note: NoteFacts, reader: ReaderContext): Pick<NoteResource, "peerGate" | "readerHasOwnNoteOnParagraph" | "assignmentDue"> {
  if (note.assignmentId === null) return { peerGate: "open", readerHasOwnNoteOnParagraph: false, assignmentDue: false };
  const assignment = reader.assignments.get(note.assignmentId);
  // An assignment outside the reader's groups: only the author's and the moderators' own rules can let them read.
  if (!assignment) return { peerGate: "closed", readerHasOwnNoteOnParagraph: false, assignmentDue: false };
  return {
    peerGate: GATE_OF[assignment.peerVisibility],
    readerHasOwnNoteOnParagraph: reader.ownNoteParagraphs.get(note.assignmentId)?.has(note.paragraphId) ?? false,
    assignmentDue: reader.now.getTime() >= assignment.dueAt.getTime(),
  };
}

/**
 * Where peer visibility lets this reader see classmates' notes, as the policy's peerGateOpen decides it, for the query
 * mirrors: no assignment; a group the reader teaches; an assignment whose gate is open ("always", or past its due
 * instant); or, for "after first note", the paragraphs where the reader has a note of its own for that assignment.
 */
export function openPeerGates(reader: ReaderContext): { staffGroups: string[]; openAssignments: string[]; ownParagraphs: [string, string[]][] } {
  const openAssignments: string[] = [];
  const ownParagraphs: [string, string[]][] = [];
  for (const [id, { peerVisibility, dueAt }] of reader.assignments) {
    if (peerVisibility === "always" || (peerVisibility === "after_due" && reader.now.getTime() >= dueAt.getTime())) openAssignments.push(id);
    const own = reader.ownNoteParagraphs.get(id);
    if (peerVisibility === "after_first_note" && own?.size) ownParagraphs.push([id, [...own]]);
  }
  return { staffGroups: staffGroupIds(reader.roles), openAssignments, ownParagraphs };
}

function peerGateWhere(reader: ReaderContext): Prisma.NoteWhereInput {
  const { staffGroups, openAssignments, ownParagraphs } = openPeerGates(reader);
  return {
    OR: [
      { assignmentId: null },
      ...(staffGroups.length ? [{ groupId: { in: staffGroups } }] : []),
      ...(openAssignments.length ? [{ assignmentId: { in: openAssignments } }] : []),
      ...ownParagraphs.map(([assignmentId, paragraphs]) => ({ assignmentId, paragraphId: { in: paragraphs } })),
    ],
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
 * Classmates' notes on an assignment also pass the peer gate (peerGateWhere), built from the same reader context.
 */
export function visibleNotesWhere(actor: Actor, reader: ReaderContext): Prisma.NoteWhereInput {
  const { roles } = reader;
  const liveOrPlaceholder: Prisma.NoteWhereInput = { OR: [{ deletedAt: null }, { replyCount: { gt: 0 } }] };
  const approved: Prisma.NoteWhereInput = {
    moderationStatus: "approved",
    OR: [{ threadId: null }, { threadStatus: "approved" }],
  };
  const peerGate = peerGateWhere(reader);
  const shared: Prisma.NoteWhereInput[] = [
    { AND: [approved, { visibility: "public" }, peerGate] },
    ...(roles.size ? [{ AND: [approved, { visibility: "group" as const, groupId: { in: [...roles.keys()] } }, peerGate] }] : []),
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
