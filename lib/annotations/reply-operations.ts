import type { Actor } from "../authz/actor";
import { assertCan, can, refusalOf } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { deferredRefusal } from "./deferred-refusal";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { renderedBody } from "../markdown/rendered-body";
import { loadNoteForActor } from "./load-readable-note";
import { noteAccessOf, toNoteResource } from "./note-access";
import { emptyReaderContext } from "../authz/reader-context";
import type { Reader } from "../request/request-context";
import { announceQueued } from "../moderation/item-moderators";
import { moderationOnCreate } from "../moderation/premoderation";
import { notifyNewItem } from "../notifications/note-activity";
import { ZCreateReplyIn } from "./note-schemas";
import { ZNoteView } from "./note-view";
import { orderThread } from "./thread-order";
import type { ThreadView } from "./thread-view";
import { assertAssignmentTakesReplies, lockOpenAssignment } from "../teaching/assignment-work";

type SignedIn = Extract<Actor, { kind: "user" }>;

const parentError = (message: string) => new AppError("bad_request", "Invalid input", { fields: { parentId: [message] } });

/**
 * The note that opens a thread, readable by the actor. Replies live in their note's thread, so a reply's id is
 * refused here (after the read check, so that it tells nothing about replies the actor may not see).
 */
async function loadThreadNote(prisma: PrismaClient, who: Reader, noteId: string) {
  const loaded = await loadNoteForActor(prisma, who, noteId);
  assertCan(loaded.actor, "note:read", loaded.resource);
  if (loaded.note.threadId) {
    throw new AppError("bad_request", `This is a reply; its thread is note ${loaded.note.threadId} (name this reply as parentId)`);
  }
  return loaded;
}

/**
 * What a reply needs: the thread's note with its policy facts (its lock among them), the reply it answers with
 * whether the writer may read it, and whether the thread's assignment still takes replies (kept for after authorising).
 */
async function loadReplyTarget(db: PrismaClient, actor: Actor, noteId: string, parentId: string | undefined) {
  const thread = await loadNoteForActor(db, actor, noteId);
  const answersReply = parentId !== undefined && parentId !== thread.note.id;
  const parent = answersReply && isRowId(parentId) ? await db.note.findUnique({ where: { id: parentId }, include: NOTE_INCLUDE }) : null;
  const assignmentRefusal = await deferredRefusal(assertAssignmentTakesReplies(db, thread.note.assignmentId));
  return { ...thread, answersReply, parent, parentReadable: parent !== null && can(actor, "note:read", toNoteResource(parent, thread.reader)), assignmentRefusal };
}

/**
 * Writes a reply in a note's thread, answering the note or one of its replies. The reply copies its thread's
 * document, paragraph, visibility, group and reference type, so the visibility rule for notes serves it too; the
 * insert and the thread's reply count change together. A locked thread takes no reply ("thread:reply"; the count's
 * update is conditional on the lock, so a lock committed meanwhile refuses it too); pre-moderation applies as for
 * notes. Counted against the writer's hourly writes.
 */
export const createReply = defineOperation({
  name: "reply.create",
  input: ZCreateReplyIn,
  output: ZNoteView,
  limit: "writes",
  load: (db, actor, input) => loadReplyTarget(db, actor, input.noteId, input.parentId),
  authorise: ({ loaded }) => check("thread:reply", loaded.resource),
  refuse: ({ loaded: { note, answersReply, parent, parentReadable, assignmentRefusal } }) => {
    if (note.threadId) return parentError(`Post replies to the note that opened the thread (${note.threadId}) and name this reply as parentId`);
    if (answersReply) {
      // A reply the writer may not read (pending, hidden) cannot be answered, nor its existence learnt from the error.
      if (!parent || parent.threadId !== note.id || !parentReadable) return parentError("Not a reply in this thread");
      if (parent.deletedAt) return parentError("That reply was deleted; answer the note or another reply");
    } else if (note.deletedAt) {
      return parentError("The note was deleted; answer one of its replies");
    }
    return assignmentRefusal;
  },
  run: async (tx, { actor, input, loaded: { note, resource, answersReply, parent } }) => {
    await lockOpenAssignment(tx, note.assignmentId);
    const moderation = await moderationOnCreate(tx, actor as SignedIn, { visibility: note.visibility, groupId: note.groupId });
    // Counting the reply first locks the thread's note until commit: a lock or a decision on it is either already
    // visible below or waits for this reply, whose copy of the thread's status is therefore current.
    // replyCount counts the replies everyone who reads the note may read: approved ones (decide() keeps it so).
    const { count } = await tx.note.updateMany({
      where: { id: note.id, lockedAt: null },
      data: { replyCount: { increment: moderation.moderationStatus === "approved" ? 1 : 0 } },
    });
    // Locked since it was loaded: the policy's answer for the thread as it now is.
    if (count === 0) throw refusalOf(actor, "thread:reply", { ...resource, locked: true })!;
    const thread = await tx.note.findUniqueOrThrow({ where: { id: note.id }, select: { moderationStatus: true } });
    const reply = await tx.note.create({
      data: {
        documentId: note.documentId,
        paragraphId: note.paragraphId,
        authorId: (actor as SignedIn).id,
        visibility: note.visibility,
        groupId: note.groupId,
        referenceType: note.referenceType,
        ...renderedBody(input.body),
        tags: [],
        sources: [],
        threadId: note.id,
        threadStatus: thread.moderationStatus,
        parentId: answersReply ? parent!.id : note.id,
        // A reply counts toward its thread's assignment, and its readers are gated by it, like the note.
        assignmentId: note.assignmentId,
        canonical: input.canonical ?? null,
        via: input.via ?? null,
        ...moderation,
      },
      include: NOTE_INCLUDE,
    });
    if (reply.moderationStatus === "pending") await announceQueued(tx, reply, "pending");
    await notifyNewItem(tx, reply.id);
    return reply;
  },
  changes: ({ result }) => [{ kind: "note.created", documentId: result.documentId, noteId: result.id, groupId: result.groupId }],
  // Its author's view: what the author may do with it does not depend on groups or peer visibility.
  present: (reply, { actor }) => toNoteView(reply, noteAccessOf(actor, toNoteResource(reply, emptyReaderContext()))),
});

/**
 * A note and the replies in its thread the actor may read, in display order (each reply after the one it answers,
 * answers to one reply oldest first) with a display depth. Deleted replies stay as empty placeholders while live
 * replies hang below them; others are left out.
 */
export async function listThread(prisma: PrismaClient, who: Reader, noteId: string): Promise<ThreadView> {
  const { note, actor, reader, resource } = await loadThreadNote(prisma, who, noteId);
  const rows = await prisma.note.findMany({ where: { threadId: note.id }, include: NOTE_INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const shape = rows.map((row) => ({
    id: row.id,
    parentId: row.parentId,
    createdAt: row.createdAt,
    deleted: row.deletedAt !== null,
    authorName: row.author.displayName,
  }));
  const ordered = orderThread(note.id, shape, (reply, hasReplies) => can(actor, "note:read", toNoteResource(byId.get(reply.id)!, reader, hasReplies)));
  // A reply is answered through its thread's note ("thread:reply", which knows the thread's lock).
  const view = (row: (typeof rows)[number] | typeof note, hasReplies?: boolean) =>
    toNoteView(row, noteAccessOf(actor, toNoteResource(row, reader, hasReplies), { thread: row.id === note.id ? undefined : resource }));
  return {
    note: view(note),
    replies: ordered.map(({ id, depth, inReplyTo }) => ({ ...view(byId.get(id)!, false), depth, inReplyTo })),
    canReply: can(actor, "thread:reply", resource),
  };
}
