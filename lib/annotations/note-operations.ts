import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { checkPassage } from "./check-passage";
import { groupRolesOf, toNoteResource, visibleNotesWhere } from "./note-access";
import type { TCreateNote, TUpdateNote } from "./note-schemas";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import type { NoteView } from "./note-view";
import type { z } from "zod";
import type { ZNoteListQuery } from "./note-schemas";
import { assertRowId } from "../db/row-id";
import { assertReferenceEntryExists } from "../references/assert-reference-entry";

type SignedIn = Extract<Actor, { kind: "user" }>;

async function documentBySlug(prisma: PrismaClient, slug: string) {
  const document = await prisma.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) throw notFound("No such document");
  return document;
}

/** Writes a note after checking the writer, the group, the paragraph and the passage; one insert, nothing partial. */
export async function createNote(prisma: PrismaClient, actor: Actor, slug: string, input: TCreateNote): Promise<NoteView> {
  const roles = await groupRolesOf(prisma, actor);
  const groupRole = input.groupId ? (roles.get(input.groupId) ?? null) : null;
  if (input.visibility === "group" && !groupRole && actor.kind === "user") {
    // A group the writer is not in is, to them, a group that does not exist.
    throw new AppError("not_found", "Invalid input", { fields: { groupId: ["You are not a member of this group"] } });
  }
  assertCan(actor, "note:create", { type: "note-draft", visibility: input.visibility, viewerGroupRole: groupRole });
  const document = await documentBySlug(prisma, slug);
  const paragraph = await prisma.paragraph.findUnique({
    where: { documentId_anchorId: { documentId: document.id, anchorId: input.paragraph } },
    select: { id: true, text: true },
  });
  if (!paragraph) throw new AppError("bad_request", "Invalid input", { fields: { paragraph: ["No such paragraph in this document"] } });
  if (input.quote && input.position) checkPassage(paragraph.text, input.quote, input.position);
  if (input.referenceEntryId) await assertReferenceEntryExists(prisma, input.referenceEntryId);
  const note = await prisma.note.create({
    data: {
      documentId: document.id,
      paragraphId: paragraph.id,
      authorId: (actor as SignedIn).id,
      visibility: input.visibility,
      groupId: input.visibility === "group" ? input.groupId! : null,
      quoteExact: input.quote?.exact ?? null,
      quotePrefix: input.quote?.prefix ?? null,
      quoteSuffix: input.quote?.suffix ?? null,
      positionStart: input.position?.start ?? null,
      positionEnd: input.position?.end ?? null,
      referenceType: input.referenceType,
      body: input.body,
      tags: input.tags,
      sources: input.sources,
      referenceEntryId: input.referenceEntryId ?? null,
    },
    include: NOTE_INCLUDE,
  });
  return toNoteView(note);
}

export { listNotes } from "./list-notes";

async function loadNote(prisma: PrismaClient, actor: Actor, noteId: string) {
  assertRowId(noteId);
  const note = await prisma.note.findUnique({ where: { id: noteId }, include: NOTE_INCLUDE });
  if (!note) throw notFound();
  const roles = await groupRolesOf(prisma, actor);
  return { note, resource: toNoteResource(note, roles) };
}

export async function getNote(prisma: PrismaClient, actor: Actor, noteId: string): Promise<NoteView> {
  const { note, resource } = await loadNote(prisma, actor, noteId);
  assertCan(actor, "note:read", resource);
  return toNoteView(note);
}

/**
 * Edits a note if it is still at the version the edit was based on: the version check and the write are one
 * conditional UPDATE, so of two edits from the same version exactly one wins and the other gets 412.
 */
export async function updateNote(prisma: PrismaClient, actor: Actor, noteId: string, input: TUpdateNote, basedOn: number): Promise<NoteView> {
  const { note, resource } = await loadNote(prisma, actor, noteId);
  assertCan(actor, "note:update", resource);
  if (input.referenceEntryId) await assertReferenceEntryExists(prisma, input.referenceEntryId);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.note.updateMany({
      where: { id: noteId, version: basedOn, deletedAt: null },
      data: { body: input.body, tags: input.tags, sources: input.sources, referenceType: input.referenceType, ...(input.referenceEntryId !== undefined ? { referenceEntryId: input.referenceEntryId } : {}), version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError("precondition_failed", `The note changed since version ${basedOn}; it is now at version ${note.version}`);
    }
    await tx.noteRevision.create({
      data: { noteId, version: basedOn, body: note.body, tags: note.tags, referenceType: note.referenceType, editedById: (actor as SignedIn).id },
    });
    return toNoteView(await tx.note.findUniqueOrThrow({ where: { id: noteId }, include: NOTE_INCLUDE }));
  });
}

/** Deletes a note (softly: its thread and history keep their place; readers no longer see it). */
export async function deleteNote(prisma: PrismaClient, actor: Actor, noteId: string): Promise<void> {
  const { resource } = await loadNote(prisma, actor, noteId);
  assertCan(actor, "note:delete", resource);
  await prisma.note.update({ where: { id: noteId }, data: { deletedAt: new Date() } });
}
