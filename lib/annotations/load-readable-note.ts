import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";
import { NOTE_INCLUDE } from "./load-notes";
import { contextOf, type Reader } from "../request/request-context";
import { toNoteResource } from "./note-access";
import { replyHasLiveReplies } from "./thread-replies";

/**
 * One note or reply with the facts the policy needs about it for this actor. A deleted reply is a placeholder only
 * while live replies hang below it, which only its thread tells; a note's own count says that for a note.
 */
export async function loadNoteForActor(prisma: PrismaClient, who: Reader, noteId: string) {
  assertRowId(noteId);
  const [note, { actor, reader }] = await Promise.all([prisma.note.findUnique({ where: { id: noteId }, include: NOTE_INCLUDE }), contextOf(prisma, who)]);
  if (!note) throw notFound();
  const hasReplies = note.deletedAt && note.threadId ? await replyHasLiveReplies(prisma, note.threadId, note.id) : undefined;
  return { note, actor, reader, resource: toNoteResource(note, reader, hasReplies) };
}
