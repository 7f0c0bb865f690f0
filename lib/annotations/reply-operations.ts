import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { renderedBody } from "../markdown/rendered-body";
import { loadNoteForActor } from "./load-readable-note";
import { noteAccessOf, readerContext, toNoteResource } from "./note-access";
import { emptyReaderContext } from "../authz/reader-context";
import type { Reader } from "../request/request-context";
import { announceQueued } from "../moderation/item-moderators";
import { moderationOnCreate } from "../moderation/premoderation";
import { notifyNewItem } from "../notifications/note-activity";
import type { TCreateReply } from "./note-schemas";
import type { NoteView } from "./note-view";
import { orderThread } from "./thread-order";
import type { ThreadView } from "./thread-view";
import { assertAssignmentTakesReplies, lockOpenAssignment } from "../teaching/assignment-work";

type SignedIn = Extract<Actor, { kind: "user" }>;

const threadLocked = () => new AppError("conflict", "This thread is locked");
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
 * Writes a reply in a note's thread, answering the note or one of its replies. The reply copies its thread's
 * document, paragraph, visibility, group and reference type, so the visibility rule for notes serves it too; the
 * insert and the thread's reply count change together. A locked thread takes no reply (the count's update is
 * conditional on the lock, so a lock committed meanwhile refuses it too); pre-moderation applies as for notes.
 */
export async function createReply(prisma: PrismaClient, actor: Actor, noteId: string, input: TCreateReply): Promise<NoteView> {
  const { note, resource } = await loadNoteForActor(prisma, actor, noteId);
  assertCan(actor, "note:reply", resource);
  if (note.threadId) throw parentError(`Post replies to the note that opened the thread (${note.threadId}) and name this reply as parentId`);
  let parentId = note.id;
  if (input.parentId && input.parentId !== note.id) {
    const parent = isRowId(input.parentId)
      ? await prisma.note.findUnique({ where: { id: input.parentId }, include: NOTE_INCLUDE })
      : null;
    // A reply the writer may not read (pending, hidden) cannot be answered, nor its existence learnt from the error.
    const readable = parent !== null && can(actor, "note:read", toNoteResource(parent, await readerContext(prisma, actor)));
    if (!parent || parent.threadId !== note.id || !readable) throw parentError("Not a reply in this thread");
    if (parent.deletedAt) throw parentError("That reply was deleted; answer the note or another reply");
    parentId = parent.id;
  } else if (note.deletedAt) {
    throw parentError("The note was deleted; answer one of its replies");
  }
  if (note.lockedAt) throw threadLocked();
  await assertAssignmentTakesReplies(prisma, note.assignmentId);
  return prisma.$transaction(async (tx) => {
    await lockOpenAssignment(tx, note.assignmentId);
    const moderation = await moderationOnCreate(tx, actor as SignedIn, { visibility: note.visibility, groupId: note.groupId });
    // Counting the reply first locks the thread's note until commit: a lock or a decision on it is either already
    // visible below or waits for this reply, whose copy of the thread's status is therefore current.
    // replyCount counts the replies everyone who reads the note may read: approved ones (decide() keeps it so).
    const { count } = await tx.note.updateMany({
      where: { id: note.id, lockedAt: null },
      data: { replyCount: { increment: moderation.moderationStatus === "approved" ? 1 : 0 } },
    });
    if (count === 0) throw threadLocked();
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
        parentId,
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
    // Its author's view: what the author may do with it does not depend on groups or peer visibility.
    return toNoteView(reply, noteAccessOf(actor, toNoteResource(reply, emptyReaderContext())));
  });
}

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
  // Every item of a locked thread refuses replies; a reply is answered through its thread's note ("note:reply").
  const locked = note.lockedAt !== null;
  const view = (row: (typeof rows)[number] | typeof note, hasReplies?: boolean) =>
    toNoteView(row, noteAccessOf(actor, toNoteResource(row, reader, hasReplies), { locked, thread: row.id === note.id ? undefined : resource }));
  return {
    note: view(note),
    replies: ordered.map(({ id, depth, inReplyTo }) => ({ ...view(byId.get(id)!, false), depth, inReplyTo })),
    canReply: can(actor, "note:reply", resource) && note.lockedAt === null,
  };
}
