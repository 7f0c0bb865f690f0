import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { notFound } from "../errors/app-error";
import { all, hasReferenceType, hasTag, otherFilters, visibleToReader } from "../search/search-conditions";
import type { NoteFilters } from "./list-notes";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { isReadableRow, noteAccessOf, readerContext, toNoteResource } from "./note-access";
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
 * reader may see under the filters: what the letter's margin shows, whatever the number of notes (the rest of a
 * paragraph's notes are a link away). One ranked query for the ids, one load of those rows; each row still passes
 * the policy.
 */
export async function listNotesPerParagraph(
  prisma: PrismaClient,
  actor: Actor,
  slug: string,
  filters: NoteFilters,
  sort: TNoteSort,
  perParagraph: number,
): Promise<NoteView[]> {
  const [document, reader] = await Promise.all([prisma.document.findUnique({ where: { slug }, select: { id: true } }), readerContext(prisma, actor)]);
  if (!document) throw notFound("No such document");
  const conditions = [
    visibleToReader(actor, reader, { placeholders: true }),
    Prisma.sql`n."threadId" IS NULL AND n."anchorStatus" = 'anchored'`,
    ...otherFilters(document.id, filters),
    ...(filters.referenceType ? [hasReferenceType(filters.referenceType)] : []),
    ...(filters.tag ? [hasTag(filters.tag)] : []),
  ];
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT n."id", n."paragraphId", row_number() OVER (PARTITION BY n."paragraphId" ORDER BY ${ORDER_WITHIN[sort]}) AS "place"
      FROM "Note" n WHERE ${all(conditions)}
    ) ranked
    WHERE "place" <= ${perParagraph}
    ORDER BY "paragraphId", "place"`;
  if (ranked.length === 0) return [];
  const rows = await prisma.note.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, include: NOTE_INCLUDE });
  const order = new Map(ranked.map((row, index) => [row.id, index]));
  return rows
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .flatMap((row) => {
      const resource = toNoteResource(row, reader);
      return isReadableRow(actor, resource, row.id, "list-notes-per-paragraph") ? [toNoteView(row, noteAccessOf(actor, resource, { locked: row.lockedAt !== null }))] : [];
    });
}
