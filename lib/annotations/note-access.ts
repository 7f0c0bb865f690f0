import type { Actor, GroupRoleName } from "../authz/actor";
import { noteWhere } from "../authz/note-filter/note-filter";
import type { PeerVisibilityName, ReaderContext } from "../authz/reader-context";
import { can } from "../authz/can";
import type { NoteResource, PeerGate } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { log } from "../log";
import { loadRequestContext } from "../request/request-context";
import type { ModerationSight, NoteAccess } from "./load-notes";


/** The actor's group roles, loaded once per request and used for every note it reads. */
export async function groupRolesOf(prisma: PrismaClient, actor: Actor): Promise<Map<string, GroupRoleName>> {
  if (actor.kind !== "user") return new Map();
  const memberships = await prisma.membership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true } });
  return new Map(memberships.map((membership) => [membership.groupId, membership.role]));
}

/** `now` comes from the app's clock (a parameter, so that tests can move it); SQL never asks the database for it. */
export async function readerContext(prisma: Prisma.TransactionClient | PrismaClient, actor: Actor, now: Date = new Date()): Promise<ReaderContext> {
  return (await loadRequestContext(prisma, actor, now)).reader;
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

export type NoteFacts = {
  id?: string;
  authorId: string;
  visibility: NoteResource["visibility"];
  groupId: string | null;
  moderationStatus: NoteResource["moderationStatus"];
  deletedAt: Date | null;
  /** Absent where a caller reads live notes only. */
  replyCount?: number;
  /** The thread's lock, on the note that opens it; absent where a caller never asks about replies. */
  lockedAt?: Date | null;
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
    locked: Boolean(note.lockedAt),
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

function threadStatusOf(note: NoteFacts): NoteResource["threadStatus"] {
  if (note.threadId === null) return null;
  if (note.threadStatus) return note.threadStatus;
  // A reply loaded without its thread's status would be judged as if its thread were approved: refuse rather than leak.
  if (!note.thread) throw new Error(`reply ${note.id ?? ""} was loaded without its thread's moderation status`);
  return note.thread.moderationStatus;
}

/**
 * What this reader is shown of an item's moderation and what it may do with it, all from the policy: its moderators
 * see most, its author the reason. A reply is answered in its thread ("thread:reply" on `thread`, the note that
 * opened it); `locked` states the thread's lock where the caller knows it better than the resource it passes (a
 * reply shown without its thread's resource, a note as a decision just left it).
 */
export function noteAccessOf(actor: Actor, resource: NoteResource, options: { locked?: boolean; thread?: NoteResource } = {}): NoteAccess {
  const mayModerate = can(actor, "note:moderate", resource);
  const sight: ModerationSight = mayModerate ? "moderator" : actor.kind === "user" && actor.id === resource.authorId ? "author" : "reader";
  const thread = options.thread ?? resource;
  return {
    sight,
    actions: {
      mayReply: !resource.deleted && can(actor, "thread:reply", options.locked === undefined ? thread : { ...thread, locked: options.locked }),
      mayFlag: can(actor, "note:flag", resource),
      mayEdit: can(actor, "note:update", resource),
      mayDelete: can(actor, "note:delete", resource),
      mayModerate,
    },
  };
}

/**
 * A row a list's query returned, checked once more with can(). The query filter is derived from the same rules, so a
 * refusal means the two forms disagree: logged as an error (and the row left out), never silently dropped.
 */
export function isReadableRow(actor: Actor, resource: NoteResource, noteId: string, path: string): boolean {
  if (can(actor, "note:read", resource)) return true;
  log.error("authz.filter-disagrees", { permission: "note:read", noteId, path, actor: actor.kind === "user" ? actor.id : "anonymous" });
  return false;
}

/**
 * The policy's "note:read" as a query filter (derived from its rules, lib/authz/note-filter), so lists and counts
 * never load what the reader may not see. A deleted note whose thread has live replies is kept (as a placeholder,
 * see toNoteView); a deleted reply is placed by the thread code, which reads the whole thread.
 */
export function visibleNotesWhere(actor: Actor, reader: ReaderContext): Prisma.NoteWhereInput {
  return noteWhere("note:read", actor, reader);
}
