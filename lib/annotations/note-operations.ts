import { passBatchLead } from "../moderation/import-batch";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { checkPassage } from "./check-passage";
import { groupRolesOf, noteAccessOf, toNoteResource } from "./note-access";
import { emptyReaderContext } from "../authz/reader-context";
import { contextOf, type Reader } from "../request/request-context";
import type { TCreateNote, TEditNote } from "./note-schemas";
import { loadNoteForActor } from "./load-readable-note";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { renderedBody } from "../markdown/rendered-body";
import type { NoteView } from "./note-view";
import type { z } from "zod";
import type { ZNoteListQuery } from "./note-schemas";
import { assertReferenceEntryExists } from "../references/assert-reference-entry";
import { announceQueued } from "../moderation/item-moderators";
import { moderationOnCreate } from "../moderation/premoderation";
import { notifyEditedItem, notifyNewItem } from "../notifications/note-activity";
import { assertCoveredParagraph, assignmentForNewNote, lockOpenAssignment } from "../teaching/assignment-work";

type SignedIn = Extract<Actor, { kind: "user" }>;

async function documentBySlug(prisma: PrismaClient, slug: string) {
  const document = await prisma.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) throw notFound("No such document");
  return document;
}

/**
 * Writes a note after checking the writer, the group, the paragraph and the passage; one insert, nothing partial.
 * An untrusted writer's public note, or a group note in a premoderated group, waits for review (its moderators are
 * told in the same transaction).
 */
export async function createNote(prisma: PrismaClient, actor: Actor, slug: string, input: TCreateNote): Promise<NoteView> {
  const roles = await groupRolesOf(prisma, actor);
  const groupRole = input.groupId ? (roles.get(input.groupId) ?? null) : null;
  if (input.visibility === "group" && !groupRole && actor.kind === "user") {
    // A group the writer is not in is, to them, a group that does not exist.
    throw new AppError("not_found", "Invalid input", { fields: { groupId: ["You are not a member of this group"] } });
  }
  assertCan(actor, "note:create", { type: "note-draft", visibility: input.visibility, viewerGroupRole: groupRole });
  const document = await documentBySlug(prisma, slug);
  if (input.referenceEntryId) await assertReferenceEntryExists(prisma, input.referenceEntryId);
  const assignment = input.assignmentId ? await assignmentForNewNote(prisma, actor, input.assignmentId, input) : null;
  const note = await prisma.$transaction(async (tx) => {
    // The paragraph stays share-locked until the note is written, so a correction committing meanwhile (which
    // re-anchors the paragraph's notes) cannot miss this one or leave it with offsets into the old text.
    const [paragraph] = await tx.$queryRaw<{ id: string; text: string; ordinal: number }[]>`
      SELECT id, text, ordinal FROM "Paragraph" WHERE "documentId" = ${document.id}::uuid AND "anchorId" = ${input.paragraph} FOR SHARE`;
    if (!paragraph) throw new AppError("bad_request", "Invalid input", { fields: { paragraph: ["No such paragraph in this document"] } });
    if (input.quote && input.position) checkPassage(paragraph.text, input.quote, input.position);
    if (assignment) assertCoveredParagraph(assignment, { documentId: document.id, ordinal: paragraph.ordinal });
    if (assignment) await lockOpenAssignment(tx, assignment.id);
    const groupId = input.visibility === "group" ? input.groupId! : null;
    const moderation = await moderationOnCreate(tx, actor as SignedIn, { visibility: input.visibility, groupId });
    const created = await tx.note.create({
      data: {
        documentId: document.id,
        paragraphId: paragraph.id,
        authorId: (actor as SignedIn).id,
        visibility: input.visibility,
        groupId,
        ...moderation,
        quoteExact: input.quote?.exact ?? null,
        quotePrefix: input.quote?.prefix ?? null,
        quoteSuffix: input.quote?.suffix ?? null,
        positionStart: input.position?.start ?? null,
        positionEnd: input.position?.end ?? null,
        referenceType: input.referenceType,
        ...renderedBody(input.body),
        tags: input.tags,
        sources: input.sources,
        referenceEntryId: input.referenceEntryId ?? null,
        assignmentId: assignment?.id ?? null,
        canonical: input.canonical ?? null,
        via: input.via ?? null,
      },
      include: NOTE_INCLUDE,
    });
    if (created.moderationStatus === "pending") await announceQueued(tx, created, "pending");
    await notifyNewItem(tx, created.id);
    return created;
  });
  // Its author's view: what the author may do with it does not depend on groups or peer visibility.
  return toNoteView(note, noteAccessOf(actor, toNoteResource(note, emptyReaderContext())));
}

export { listNotes } from "./list-notes";

const loadNote = loadNoteForActor;

/** A reply has no tags, sources or reference type of its own: refuse an edit that tries to give it some. */
function assertReplyEdit(input: TEditNote, threadReferenceType: string): void {
  const fields: Record<string, string[]> = {};
  if (input.tags?.length) fields.tags = ["A reply has no tags"];
  if (input.sources?.length) fields.sources = ["A reply has no sources; cite them in its text"];
  if (input.referenceType && input.referenceType !== threadReferenceType) fields.referenceType = ["A reply keeps its thread's reference type"];
  if (Object.keys(fields).length) throw new AppError("bad_request", "Invalid input", { fields });
}

export async function getNote(prisma: PrismaClient, who: Reader, noteId: string): Promise<NoteView> {
  const ctx = await contextOf(prisma, who);
  const { note, actor, resource } = await loadNote(prisma, ctx, noteId);
  assertCan(actor, "note:read", resource);
  if (!note.threadId) return toNoteView(note, noteAccessOf(actor, resource, { locked: note.lockedAt !== null }));
  // A reply is answered in its thread: whether it may be is its thread's note's question (and its lock).
  const thread = await loadNote(prisma, ctx, note.threadId);
  return toNoteView(note, noteAccessOf(actor, resource, { locked: thread.note.lockedAt !== null, thread: thread.resource }));
}

/**
 * Edits a note or a reply if it is still at the version the edit was based on: the version check and the write are
 * one conditional UPDATE, so of two edits from the same version exactly one wins and the other gets 412. Fields a
 * note's edit leaves out keep their value. A note's new reference type is copied to its replies in the same
 * transaction (replies carry it so that filters treat a thread as one).
 */
export async function updateNote(prisma: PrismaClient, actor: Actor, noteId: string, input: TEditNote, basedOn: number): Promise<NoteView> {
  const { note, resource } = await loadNote(prisma, actor, noteId);
  assertCan(actor, "note:update", resource);
  if (note.threadId) assertReplyEdit(input, note.referenceType);
  if (note.threadId && input.referenceEntryId !== undefined) {
    throw new AppError("bad_request", "Invalid input", { fields: { referenceEntryId: ["A reply keeps its thread's index entry"] } });
  }
  if (input.referenceEntryId) await assertReferenceEntryExists(prisma, input.referenceEntryId);
  const stale = async (tx: Pick<PrismaClient, "note">) => {
    const current = await tx.note.findUnique({ where: { id: noteId }, select: { version: true } });
    return new AppError("precondition_failed", `The note changed since version ${basedOn}; it is now at version ${current?.version ?? note.version}`);
  };
  return prisma.$transaction(async (tx) => {
    // The text as it stood at `basedOn`, kept as that version's revision. If the UPDATE below then matches, nothing
    // changed in between (every change raises the version), so this is exactly the text being replaced.
    const before = await tx.note.findFirst({ where: { id: noteId, version: basedOn, deletedAt: null } });
    if (!before) throw await stale(tx);
    const referenceType = note.threadId ? before.referenceType : (input.referenceType ?? before.referenceType);
    const { count } = await tx.note.updateMany({
      where: { id: noteId, version: basedOn, deletedAt: null },
      data: note.threadId
        ? { ...renderedBody(input.body), version: { increment: 1 } }
        : {
            ...renderedBody(input.body),
            ...(input.tags ? { tags: input.tags } : {}),
            ...(input.sources ? { sources: input.sources } : {}),
            ...(input.referenceEntryId !== undefined ? { referenceEntryId: input.referenceEntryId } : {}),
            referenceType,
            version: { increment: 1 },
          },
    });
    if (count === 0) throw await stale(tx);
    await tx.noteRevision.create({
      data: { noteId, version: basedOn, body: before.body, tags: before.tags, referenceType: before.referenceType, editedById: (actor as SignedIn).id },
    });
    // An edit is new text: a writer whose new items would wait for review (untrusted, or in a pre-moderated group)
    // sends an approved item back to the queue, rather than publishing whatever it now says.
    if (before.moderationStatus === "approved") {
      const review = await moderationOnCreate(tx, actor as SignedIn, { visibility: before.visibility, groupId: before.groupId });
      if (review.moderationStatus === "pending") {
        await tx.note.update({ where: { id: noteId }, data: { moderationStatus: "pending", queuedAt: review.queuedAt, moderationRevision: { increment: 1 } } });
        await tx.note.updateMany({ where: { threadId: noteId }, data: { threadStatus: "pending" } });
        if (before.threadId) await tx.note.update({ where: { id: before.threadId }, data: { replyCount: { decrement: 1 } } });
        await announceQueued(tx, before, "pending");
      }
    }
    await notifyEditedItem(tx, noteId, before.body);
    if (!note.threadId && referenceType !== before.referenceType) {
      await tx.note.updateMany({ where: { threadId: noteId }, data: { referenceType } });
    }
    return toNoteView(await tx.note.findUniqueOrThrow({ where: { id: noteId }, include: NOTE_INCLUDE }), noteAccessOf(actor, resource, { locked: note.lockedAt !== null }));
  });
}

/**
 * Deletes a note or a reply, softly: its history stays, and while live replies hang below it, it stays in its
 * thread as an empty placeholder (see the "note:read" policy). Deleting a reply lowers its thread's reply count in
 * the same transaction; the conditional UPDATE makes a repeated delete count once.
 */
export async function deleteNote(prisma: PrismaClient, actor: Actor, noteId: string): Promise<void> {
  const { note, resource } = await loadNote(prisma, actor, noteId);
  assertCan(actor, "note:delete", resource);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.note.updateMany({ where: { id: noteId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 1 && note.threadId) {
      // The row is ours until commit: its status cannot change under us. Only approved replies are counted.
      const deleted = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: { moderationStatus: true } });
      if (deleted.moderationStatus === "approved") await tx.note.update({ where: { id: note.threadId }, data: { replyCount: { decrement: 1 } } });
    }
    if (count === 1 && note.importBatchId && note.queuedAt && note.moderationStatus === "pending") await passBatchLead(tx, note.importBatchId, note.queuedAt);
  });
}
