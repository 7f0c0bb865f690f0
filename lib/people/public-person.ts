import { z } from "zod";
import { ANONYMOUS } from "../authz/actor";
import { emptyReaderContext } from "../authz/reader-context";
import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { noteAccessOf, toNoteResource, visibleNotesWhere } from "../annotations/note-access";
import type { NoteView } from "../annotations/note-view";

export const MAX_PERSON_NOTES = 100;

export type PublicPerson = {
  id: string;
  displayName: string;
  /** Only when the person chose to show it (/account). */
  affiliation: string | null;
  orcid: string | null;
  notes: { note: NoteView; documentSlug: string }[];
  noteCount: number;
};

/**
 * /people/<id>, the W3C `creator` IRI of every annotation: what anyone may know of a person — the display name, the
 * notes an anonymous reader may read (the one visibility rule, as the anonymous reader), and the affiliation and
 * ORCID iD only if they chose to show them. A deleted account has no page.
 */
export async function getPublicPerson(prisma: PrismaClient, userId: string): Promise<PublicPerson> {
  if (!z.uuid().safeParse(userId).success) throw notFound("No such person");
  const reader = emptyReaderContext();
  const where = { AND: [visibleNotesWhere(ANONYMOUS, reader), { authorId: userId, deletedAt: null }] };
  const [user, rows, noteCount] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { id: true, displayName: true, affiliation: true, orcid: true, showAffiliation: true, showOrcid: true, deletedAt: true } }),
    prisma.note.findMany({ where, include: { ...NOTE_INCLUDE, document: { select: { slug: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MAX_PERSON_NOTES }),
    prisma.note.count({ where }),
  ]);
  if (!user || user.deletedAt) throw notFound("No such person");
  return {
    id: user.id,
    displayName: user.displayName,
    affiliation: user.showAffiliation ? user.affiliation : null,
    orcid: user.showOrcid ? user.orcid : null,
    notes: rows.map((row) => ({ note: toNoteView(row, noteAccessOf(ANONYMOUS, toNoteResource(row, reader))), documentSlug: row.document.slug })),
    noteCount,
  };
}
