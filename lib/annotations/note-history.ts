import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";
import { loadNoteForActor } from "./load-readable-note";
import type { NoteHistoryView, NoteVersionView } from "./thread-view";
import { diffWords } from "./word-diff";

/**
 * Every version of a note or reply, oldest first, ending with the current one. A revision row keeps the text of
 * version N as it was replaced, with who replaced it and when, so version N+1 is attributed to that edit.
 * Whoever may read the note may read its history; a deleted note's placeholder has none to show (its texts are gone
 * from view with it).
 */
export async function listNoteHistory(prisma: PrismaClient, actor: Actor, noteId: string): Promise<NoteHistoryView> {
  const { note, resource } = await loadNoteForActor(prisma, actor, noteId);
  assertCan(actor, "note:read", resource);
  if (note.deletedAt) throw new AppError("not_found", "This note was deleted; its history is no longer shown");
  const revisions = await prisma.noteRevision.findMany({ where: { noteId: note.id }, orderBy: { version: "asc" } });
  const editorIds = [...new Set(revisions.map((revision) => revision.editedById))];
  const editors = new Map(
    (await prisma.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })).map((user) => [user.id, user]),
  );
  const editorOf = (id: string) => editors.get(id) ?? { id, displayName: "Deleted user" };
  const byVersion = new Map(revisions.map((revision) => [revision.version, revision]));

  const versions: NoteVersionView[] = [];
  for (let version = 1; version <= note.version; version++) {
    const replacedBy = byVersion.get(version - 1);
    const body = version === note.version ? note.body : byVersion.get(version)?.body;
    // Rows written before revisions were kept (or removed by hand) leave gaps; show what is known.
    if (body === undefined) continue;
    const previous = versions[versions.length - 1];
    versions.push({
      version,
      body,
      editedBy: version === 1 ? note.author : replacedBy ? editorOf(replacedBy.editedById) : note.author,
      at: (version === 1 ? note.createdAt : (replacedBy?.createdAt ?? note.updatedAt)).toISOString(),
      changes: previous && previous.version === version - 1 ? diffWords(previous.body, body) : null,
      current: version === note.version,
    });
  }
  return { noteId: note.id, versions };
}
