import type { PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { contextOf, type Reader } from "../request/request-context";
import { all, hasReferenceType, hasTag, otherFilters, visibleToReader } from "../search/search-conditions";
import type { NoteFilters } from "./list-notes";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { isReadableRow, noteAccessOf, toNoteResource } from "./note-access";
import type { TNoteSort } from "./note-schemas";
import type { NoteView } from "./note-view";

/** The order within a paragraph for each sort (the paragraph itself is the partition). */
const ORDER_WITHIN: Record<TNoteSort, Prisma.Sql> = {
  position: Prisma.sql`n."positionStart" ASC NULLS FIRST, n."createdAt" ASC, n."id" ASC`,
  oldest: Prisma.sql`n."createdAt" ASC, n."id" ASC`,
  newest: Prisma.sql`n."createdAt" DESC, n."id" DESC`,
  discussed: Prisma.sql`n."replyCount" DESC, n."createdAt" DESC, n."id" DESC`,
};

/**
 * The first `perParagraph` notes of every paragraph, in the chosen order, among the anchored notes (not replies) the
 * reader may see under the filters, and how many the reader may see beside each paragraph (anchor → count): what the
 * letter's margin shows, whatever the number of notes (the rest of a paragraph's notes are a link away). One ranked
 * query gives the ids and the totals (a window count), one load gives those rows; each row still passes the policy.
 */
export async function notesPerParagraph(
  prisma: PrismaClient,
  who: Reader,
  which: string | DocumentRef,
  filters: NoteFilters,
  sort: TNoteSort,
  perParagraph: number,
): Promise<{ notes: NoteView[]; totals: Map<string, number> }> {
  const [document, { actor, reader }] = await Promise.all([documentRefOf(prisma, which), contextOf(prisma, who)]);
  const conditions = [
    visibleToReader(actor, reader, { placeholders: true }),
    Prisma.sql`n."threadId" IS NULL AND n."anchorStatus" = 'anchored'`,
    ...otherFilters(document.id, filters),
    ...(filters.referenceType ? [hasReferenceType(filters.referenceType)] : []),
    ...(filters.tag ? [hasTag(filters.tag)] : []),
  ];
  const ranked = await prisma.$queryRaw<{ id: string; paragraphId: string; total: number }[]>`
    SELECT id, "paragraphId", total FROM (
      SELECT n."id", n."paragraphId",
        row_number() OVER (PARTITION BY n."paragraphId" ORDER BY ${ORDER_WITHIN[sort]}) AS "place",
        count(*) OVER (PARTITION BY n."paragraphId")::int AS "total"
      FROM "Note" n WHERE ${all(conditions)}
    ) ranked
    WHERE "place" <= ${perParagraph}
    ORDER BY "paragraphId", "place"`;
  if (ranked.length === 0) return { notes: [], totals: new Map() };
  const rows = await prisma.note.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, include: NOTE_INCLUDE });
  const order = new Map(ranked.map((row, index) => [row.id, index]));
  // Every paragraph with a visible note has its first note among the rows: its anchor comes with it.
  const anchorOf = new Map(rows.map((row) => [row.paragraphId, row.paragraph.anchorId]));
  const totals = new Map<string, number>();
  for (const { paragraphId, total } of ranked) {
    const anchor = anchorOf.get(paragraphId);
    if (anchor) totals.set(anchor, total);
  }
  const notes = rows
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .flatMap((row) => {
      const resource = toNoteResource(row, reader);
      return isReadableRow(actor, resource, row.id, "list-notes-per-paragraph") ? [toNoteView(row, noteAccessOf(actor, resource))] : [];
    });
  return { notes, totals };
}

/** The margin's notes alone (see notesPerParagraph). */
export async function listNotesPerParagraph(...args: Parameters<typeof notesPerParagraph>): Promise<NoteView[]> {
  return (await notesPerParagraph(...args)).notes;
}
