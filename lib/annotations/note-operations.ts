import { z } from "zod";
import { passBatchLead } from "../moderation/import-batch";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { NoteDraftResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { checkPassage } from "./check-passage";
import { deferredRefusal } from "./deferred-refusal";
import { noteAccessOf, toNoteResource } from "./note-access";
import { emptyReaderContext } from "../authz/reader-context";
import { contextOf, type Reader } from "../request/request-context";
import { ZCreateNoteIn, ZEditNoteIn, type TEditNote } from "./note-schemas";
import { loadNoteForActor } from "./load-readable-note";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { renderedBody } from "../markdown/rendered-body";
import { ZNoteView, type NoteView } from "./note-view";
import { assertReferenceEntryExists } from "../references/assert-reference-entry";
import { announceQueued } from "../moderation/item-moderators";
import { moderationOnCreate } from "../moderation/premoderation";
import { notifyEditedItem, notifyNewItem } from "../notifications/note-activity";
import { assertCoveredParagraph, assignmentForNewNote, lockOpenAssignment } from "../teaching/assignment-work";

type SignedIn = Extract<Actor, { kind: "user" }>;
type CreateNoteInput = z.output<typeof ZCreateNoteIn>;

const noSuchParagraph = () => new AppError("bad_request", "Invalid input", { fields: { paragraph: ["No such paragraph in this document"] } });

/**
 * What writing a note needs: the document (404 when missing), the paragraph, the writer's role in the chosen group
 * (the policy's "note:create" draft), the assignment it is written for (teaching's own checks), and whether its
 * index entry exists (kept as a refusal for after authorising).
 */
async function loadNoteDraft(db: PrismaClient, actor: Actor, input: CreateNoteInput, now: Date) {
  const document = await db.document.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (!document) throw notFound("No such document");
  const [paragraph, membership, entryRefusal] = await Promise.all([
    db.paragraph.findFirst({ where: { documentId: document.id, anchorId: input.paragraph }, select: { id: true, text: true, ordinal: true } }),
    input.visibility === "group" && input.groupId && actor.kind === "user"
      ? db.membership.findUnique({ where: { groupId_userId: { groupId: input.groupId, userId: actor.id } }, select: { role: true } })
      : null,
    input.referenceEntryId ? deferredRefusal(assertReferenceEntryExists(db, input.referenceEntryId)) : null,
  ]);
  const draft: NoteDraftResource = { type: "note-draft", visibility: input.visibility, viewerGroupRole: membership?.role ?? null };
  // Teaching's checks (closed, not yet open, not the class's) are answered only after "note:create": someone the
  // policy refuses the note learns nothing about the assignment.
  let assignment: Awaited<ReturnType<typeof assignmentForNewNote>> | null = null;
  const assignmentRefusal = input.assignmentId
    ? await deferredRefusal(assignmentForNewNote(db, actor, input.assignmentId, input, now).then((found) => void (assignment = found)))
    : null;
  return { document, paragraph, draft, assignment: assignment as Awaited<ReturnType<typeof assignmentForNewNote>> | null, assignmentRefusal, entryRefusal };
}

/**
 * Writes a note on a paragraph of a document: one insert, nothing partial. An untrusted writer's public note, or a
 * group note in a premoderated group, waits for review (its moderators are told in the same transaction). Counted
 * against the writer's hourly writes.
 */
export const createNote = defineOperation({
  name: "note.create",
  input: ZCreateNoteIn,
  output: ZNoteView,
  limit: "writes",
  load: (db, actor, input, { now }) => loadNoteDraft(db, actor, input, now),
  authorise: ({ loaded }) => check("note:create", loaded.draft),
  refuse: ({ input, loaded }) => {
    if (loaded.entryRefusal) return loaded.entryRefusal;
    if (loaded.assignmentRefusal) return loaded.assignmentRefusal;
    if (!loaded.paragraph) return noSuchParagraph();
    if (input.quote && input.position) checkPassage(loaded.paragraph.text, input.quote, input.position);
    if (loaded.assignment) assertCoveredParagraph(loaded.assignment, { documentId: loaded.document.id, ordinal: loaded.paragraph.ordinal });
    return null;
  },
  run: async (tx, { actor, input, loaded }) => {
    const paragraph = loaded.paragraph!;
    // The paragraph stays share-locked until the note is written, so a correction committing meanwhile (which
    // re-anchors the paragraph's notes) cannot miss this one; one that committed since it was loaded changed the
    // text, against which the passage is checked once more.
    const [current] = await tx.$queryRaw<{ text: string }[]>`SELECT text FROM "Paragraph" WHERE id = ${paragraph.id}::uuid FOR SHARE`;
    if (!current) throw noSuchParagraph();
    if (input.quote && input.position && current.text !== paragraph.text) checkPassage(current.text, input.quote, input.position);
    if (loaded.assignment) await lockOpenAssignment(tx, loaded.assignment.id);
    const groupId = input.visibility === "group" ? input.groupId! : null;
    const moderation = await moderationOnCreate(tx, actor as SignedIn, { visibility: input.visibility, groupId });
    const created = await tx.note.create({
      data: {
        documentId: loaded.document.id,
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
        assignmentId: loaded.assignment?.id ?? null,
        canonical: input.canonical ?? null,
        via: input.via ?? null,
      },
      include: NOTE_INCLUDE,
    });
    if (created.moderationStatus === "pending") await announceQueued(tx, created, "pending");
    await notifyNewItem(tx, created.id);
    return created;
  },
  // Its author's view: what the author may do with it does not depend on groups or peer visibility.
  changes: ({ result }) => [{ kind: "note.created", documentId: result.documentId, noteId: result.id, groupId: result.groupId }],
  present: (created, { actor }) => toNoteView(created, noteAccessOf(actor, toNoteResource(created, emptyReaderContext()))),
});

export { listNotes } from "./list-notes";

/** A reply has no tags, sources, reference type or index entry of its own: an edit that tries to give it some is refused. */
function replyEditRefusal(input: TEditNote, threadReferenceType: string): AppError | null {
  const fields: Record<string, string[]> = {};
  if (input.tags?.length) fields.tags = ["A reply has no tags"];
  if (input.sources?.length) fields.sources = ["A reply has no sources; cite them in its text"];
  if (input.referenceType && input.referenceType !== threadReferenceType) fields.referenceType = ["A reply keeps its thread's reference type"];
  if (Object.keys(fields).length) return new AppError("bad_request", "Invalid input", { fields });
  if (input.referenceEntryId !== undefined) return new AppError("bad_request", "Invalid input", { fields: { referenceEntryId: ["A reply keeps its thread's index entry"] } });
  return null;
}

export async function getNote(prisma: PrismaClient, who: Reader, noteId: string): Promise<NoteView> {
  const ctx = await contextOf(prisma, who);
  const { note, actor, resource } = await loadNoteForActor(prisma, ctx, noteId);
  assertCan(actor, "note:read", resource);
  if (!note.threadId) return toNoteView(note, noteAccessOf(actor, resource));
  // A reply is answered in its thread: whether it may be is its thread's note's question (and its lock).
  const thread = await loadNoteForActor(prisma, ctx, note.threadId);
  return toNoteView(note, noteAccessOf(actor, resource, { thread: thread.resource }));
}

/** The note changed since the edit's version: 412 with the version it is at now. */
async function staleEdit(tx: Pick<Prisma.TransactionClient, "note">, noteId: string, basedOn: number, loadedVersion: number) {
  const current = await tx.note.findUnique({ where: { id: noteId }, select: { version: true } });
  return new AppError("precondition_failed", `The note changed since version ${basedOn}; it is now at version ${current?.version ?? loadedVersion}`);
}

/**
 * Edits a note or a reply if it is still at the version the edit was based on (`version`): the version check and the
 * write are one conditional UPDATE, so of two edits from the same version exactly one wins and the other gets 412.
 * Fields a note's edit leaves out keep their value. A note's new reference type is copied to its replies in the same
 * transaction (replies carry it so that filters treat a thread as one). The text replaced is kept as a NoteRevision.
 */
export const updateNote = defineOperation({
  name: "note.update",
  input: ZEditNoteIn,
  output: ZNoteView,
  load: async (db, actor, input) => {
    const loaded = await loadNoteForActor(db, actor, input.noteId);
    const entryRefusal = input.referenceEntryId ? await deferredRefusal(assertReferenceEntryExists(db, input.referenceEntryId)) : null;
    return { ...loaded, entryRefusal };
  },
  authorise: ({ loaded }) => check("note:update", loaded.resource),
  refuse: ({ input, loaded }) => (loaded.note.threadId ? replyEditRefusal(input, loaded.note.referenceType) : loaded.entryRefusal),
  run: async (tx, { actor, input, loaded: { note } }) => {
    const { noteId, version: basedOn } = input;
    // The text as it stood at `basedOn`, kept as that version's revision. If the UPDATE below then matches, nothing
    // changed in between (every change raises the version), so this is exactly the text being replaced.
    const before = await tx.note.findFirst({ where: { id: noteId, version: basedOn, deletedAt: null } });
    if (!before) throw await staleEdit(tx, noteId, basedOn, note.version);
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
    if (count === 0) throw await staleEdit(tx, noteId, basedOn, note.version);
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
    return tx.note.findUniqueOrThrow({ where: { id: noteId }, include: NOTE_INCLUDE });
  },
  changes: ({ result }) => [{ kind: "note.updated", documentId: result.documentId, noteId: result.id, groupId: result.groupId }],
  present: (edited, { actor, loaded }) => toNoteView(edited, noteAccessOf(actor, loaded.resource)),
});

/** What a delete answers (the route itself answers 204): the item, now deleted. */
const ZDeletedNote = z.strictObject({ id: z.uuid(), deleted: z.literal(true) });

/**
 * Deletes a note or a reply, softly: its history stays, and while live replies hang below it, it stays in its
 * thread as an empty placeholder (see the "note:read" policy). Deleting a reply lowers its thread's reply count in
 * the same transaction; the conditional UPDATE makes a repeated delete count once.
 */
export const deleteNote = defineOperation({
  name: "note.delete",
  input: z.strictObject({ noteId: z.string() }),
  output: ZDeletedNote,
  load: (db, actor, input) => loadNoteForActor(db, actor, input.noteId),
  authorise: ({ loaded }) => check("note:delete", loaded.resource),
  run: async (tx, { now, loaded: { note } }) => {
    const { count } = await tx.note.updateMany({ where: { id: note.id, deletedAt: null }, data: { deletedAt: now } });
    if (count === 1 && note.threadId) {
      // The row is ours until commit: its status cannot change under us. Only approved replies are counted.
      const deleted = await tx.note.findUniqueOrThrow({ where: { id: note.id }, select: { moderationStatus: true } });
      if (deleted.moderationStatus === "approved") await tx.note.update({ where: { id: note.threadId }, data: { replyCount: { decrement: 1 } } });
    }
    if (count === 1 && note.importBatchId && note.queuedAt && note.moderationStatus === "pending") await passBatchLead(tx, note.importBatchId, note.queuedAt);
    return { id: note.id, deleted: true as const };
  },
  changes: ({ loaded: { note } }) => [{ kind: "note.deleted", documentId: note.documentId, noteId: note.id, groupId: note.groupId }],
});
