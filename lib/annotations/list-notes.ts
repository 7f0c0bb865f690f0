import type { z } from "zod";
import type { Prisma as PrismaTypes, PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { notFound } from "../errors/app-error";
import { contextOf, type Reader } from "../request/request-context";
import { all, hasReferenceType, hasTag, otherFilters, visibleToReader } from "../search/search-conditions";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { isReadableRow, noteAccessOf, toNoteResource, visibleNotesWhere } from "./note-access";
import { afterKeyset, decodeCursor, encodeCursor, malformedCursor, type NoteCursor } from "./note-cursor";
import type { TNoteSort, ZNoteListQuery } from "./note-schemas";
import type { NoteView } from "./note-view";

type ListQuery = z.infer<typeof ZNoteListQuery>;
export type NoteFilters = Omit<ListQuery, "limit" | "cursor" | "sort">;

type DocumentScope = { documentId: string; /** The filtered paragraph's id; null when the anchor names none. */ paragraphId?: string | null };

/**
 * The document, and the filtered paragraph's id in the same query: filtering notes by `paragraphId` uses its index,
 * where a filter through the paragraph relation made the planner join (measured 15 ms against 5 ms unfiltered).
 */
async function documentScope(prisma: PrismaClient, which: string | DocumentRef, anchor: string | undefined): Promise<DocumentScope> {
  // A document the request already looked up costs nothing more unless a paragraph filter names one of its anchors.
  if (typeof which !== "string" && !anchor) return { documentId: which.id };
  const slug = typeof which === "string" ? which : which.slug;
  const document = await prisma.document.findUnique({
    where: { slug },
    select: { id: true, paragraphs: anchor ? { where: { anchorId: anchor }, select: { id: true } } : false },
  });
  if (!document) throw notFound("No such document");
  return anchor ? { documentId: document.id, paragraphId: document.paragraphs[0]?.id ?? null } : { documentId: document.id };
}

/** The notes (not replies) of a document the reader may see, narrowed by the list's filters. */
function filteredNotesWhere(scope: DocumentScope, visible: PrismaTypes.NoteWhereInput, filters: NoteFilters): PrismaTypes.NoteWhereInput {
  return {
    AND: [
      visible,
      { documentId: scope.documentId, threadId: null },
      // An anchor that names no paragraph of this document matches no note.
      scope.paragraphId !== undefined ? (scope.paragraphId ? { paragraphId: scope.paragraphId } : { id: { in: [] } }) : {},
      filters.referenceType ? { referenceType: filters.referenceType } : {},
      filters.tag ? { tags: { has: filters.tag } } : {},
      filters.author ? { authorId: filters.author } : {},
      filters.group ? { groupId: filters.group } : {},
      filters.visibility ? { visibility: filters.visibility } : {},
      filters.entry ? { referenceEntryId: filters.entry } : {},
    ],
  };
}

const ORDER: Record<TNoteSort, PrismaTypes.NoteOrderByWithRelationInput[]> = {
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  position: [{ paragraph: { ordinal: "asc" } }, { positionStart: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
  discussed: [{ replyCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
};

function pageWhere(cursor: NoteCursor | null): PrismaTypes.NoteWhereInput {
  if (cursor?.kind !== "after") return {};
  return afterKeyset(cursor);
}

/**
 * A page of the notes the actor may see on a document, with filters, a sort order and a cursor. Creation order
 * pages by keyset; the other orders by position in the list (a cursor of one order is refused by another).
 */
export async function listNotes(
  prisma: PrismaClient,
  who: Reader,
  document: string | DocumentRef,
  query: ListQuery,
): Promise<{ notes: NoteView[]; nextCursor: string | null }> {
  const [scope, { actor, reader }] = await Promise.all([documentScope(prisma, document, query.paragraph), contextOf(prisma, who)]);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const keyset = query.sort === "oldest";
  if (cursor && (cursor.kind === "after") !== keyset) throw malformedCursor();
  const offset = cursor?.kind === "offset" ? cursor.offset : 0;
  const rows = await prisma.note.findMany({
    where: { AND: [filteredNotesWhere(scope, visibleNotesWhere(actor, reader), query), pageWhere(cursor)] },
    include: NOTE_INCLUDE,
    orderBy: ORDER[query.sort],
    skip: offset,
    take: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  // The query already filters by visibility; the policy has the last word on every row.
  const visible = page.flatMap((row) => {
    const resource = toNoteResource(row, reader);
    return isReadableRow(actor, resource, row.id, "list-notes") ? [toNoteView(row, noteAccessOf(actor, resource))] : [];
  });
  const last = page.at(-1);
  const next: NoteCursor | null = !hasMore || !last ? null : keyset ? { kind: "after", createdAt: last.createdAt, id: last.id } : { kind: "offset", offset: offset + query.limit };
  return { notes: visible, nextCursor: next ? encodeCursor(next) : null };
}

/**
 * How many notes the reader may see beside each paragraph (anchor → count), under the same filters as the list, in
 * one statement. Orphaned notes are not counted: they are listed apart, never beside a paragraph.
 */
export async function countNotesByParagraph(prisma: PrismaClient, who: Reader, document: string | DocumentRef, filters: NoteFilters): Promise<Map<string, number>> {
  const [{ id: documentId }, { actor, reader }] = await Promise.all([documentRefOf(prisma, document), contextOf(prisma, who)]);
  const conditions = [
    visibleToReader(actor, reader, { placeholders: true }),
    Prisma.sql`n."threadId" IS NULL AND n."anchorStatus" = 'anchored'`,
    ...otherFilters(documentId, filters),
    ...(filters.referenceType ? [hasReferenceType(filters.referenceType)] : []),
    ...(filters.tag ? [hasTag(filters.tag)] : []),
  ];
  const rows = await prisma.$queryRaw<{ anchorId: string; count: number }[]>`
    SELECT p."anchorId", count(*)::int AS "count" FROM "Note" n JOIN "Paragraph" p ON p."id" = n."paragraphId"
    WHERE ${all(conditions)} AND p."anchorId" IS NOT NULL GROUP BY p."anchorId"`;
  return new Map(rows.map((row) => [row.anchorId, row.count]));
}
