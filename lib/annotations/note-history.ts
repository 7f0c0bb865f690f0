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
  const editors = await editorsOf(prisma, revisions);
  return { noteId: note.id, versions: versionsOf(note, revisions, editors) };
}

type HistoryNote = { id: string; version: number; body: string; author: { id: string; displayName: string }; createdAt: Date; updatedAt: Date };
type Revision = { noteId: string; version: number; body: string; editedById: string; createdAt: Date };
type Editors = Map<string, { id: string; displayName: string }>;

async function editorsOf(prisma: PrismaClient, revisions: Revision[]): Promise<Editors> {
  const editorIds = [...new Set(revisions.map((revision) => revision.editedById))];
  if (editorIds.length === 0) return new Map();
  return new Map((await prisma.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })).map((user) => [user.id, user]));
}

/**
 * The histories of several notes the reader may read (the caller has checked), for a page that shows them all (the
 * review queue): their revisions and their editors in one statement, whatever the number of notes.
 */
export async function historiesOf(prisma: PrismaClient, notes: HistoryNote[]): Promise<Map<string, NoteVersionView[]>> {
  const edited = notes.filter((note) => note.version > 1);
  if (edited.length === 0) return new Map();
  const rows = await prisma.$queryRaw<(Revision & { editorName: string | null })[]>`
    SELECT r."noteId", r."version", r."body", r."editedById", r."createdAt", u."displayName" AS "editorName"
    FROM "NoteRevision" r LEFT JOIN "User" u ON u."id" = r."editedById"
    WHERE r."noteId" = ANY(${edited.map((note) => note.id)}::uuid[]) ORDER BY r."noteId", r."version"`;
  const editors: Editors = new Map(rows.flatMap((row) => (row.editorName === null ? [] : [[row.editedById, { id: row.editedById, displayName: row.editorName }] as const])));
  return new Map(edited.map((note) => [note.id, versionsOf(note, rows.filter((row) => row.noteId === note.id), editors)]));
}

/** Every version of one note from its revisions, oldest first, ending with the current one (pure). */
function versionsOf(note: HistoryNote, revisions: Revision[], editors: Editors): NoteVersionView[] {
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
  return versions;
}
