import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { AppError, notFound } from "../errors/app-error";
import { can } from "../authz/can";
import { assertRowId } from "../db/row-id";
import { contextOf, type Reader, type RequestContext } from "../request/request-context";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { isReadableRow, noteAccessOf, toNoteResource, visibleNotesWhere } from "../annotations/note-access";
import { replyHasLiveReplies } from "../annotations/thread-replies";
import { toAnnotation } from "./to-annotation";

/** The protocol's page size: at most 100 annotations a page (the bound; Hypothesis pages by 200). */
export const ANNOTATION_PAGE_SIZE = 100;

/** What an annotation needs beyond a note's view: the index entry's authority identifiers. */
export const ANNOTATION_INCLUDE = {
  ...NOTE_INCLUDE,
  referenceEntry: { select: { id: true, name: true, wikidata: true, viaf: true, geonames: true, gnd: true } },
} satisfies Prisma.NoteInclude;

type AnnotationRow = Prisma.NoteGetPayload<{ include: typeof ANNOTATION_INCLUDE }>;
export type Annotation = Record<string, unknown> & { id: string };

/** Creation order, then id: stable under inserts at the end, which is where new annotations go. */
export const ANNOTATION_ORDER: Prisma.NoteOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

/**
 * The notes and replies of a document this reader may read: the policy's "note:read" filter (the one visibility
 * definition, lib/authz/note-filter), narrowed to the document. Deleted notes with live replies are in it (as
 * placeholders without a body), as on the page.
 */
export function readableAnnotationsWhere(ctx: RequestContext, documentId: string, extra: Prisma.NoteWhereInput = {}): Prisma.NoteWhereInput {
  return { AND: [visibleNotesWhere(ctx.actor, ctx.reader), { documentId }, extra] };
}

/** One row as a W3C annotation (after the policy's last word on it: see isReadableRow). */
export function annotationOf(row: AnnotationRow, ctx: RequestContext, origin: string, slug: string): Annotation {
  const resource = toNoteResource(row, ctx.reader);
  const view = toNoteView(row, noteAccessOf(ctx.actor, resource, { locked: row.lockedAt !== null }));
  return toAnnotation({ ...view, canonical: row.canonical, via: row.via }, { appUrl: origin, slug, entry: row.deletedAt ? null : row.referenceEntry }) as Annotation;
}

export type AnnotationCollectionFacts = { document: DocumentRef; total: number; lastPage: number };

/** How many annotations the reader may read on the document, and so the index of the last page. */
export async function annotationCollectionFacts(prisma: PrismaClient, who: Reader, slug: string | DocumentRef, extra: Prisma.NoteWhereInput = {}): Promise<AnnotationCollectionFacts> {
  const [document, ctx] = await Promise.all([documentRefOf(prisma, slug), contextOf(prisma, who)]);
  const total = await prisma.note.count({ where: readableAnnotationsWhere(ctx, document.id, extra) });
  return { document, total, lastPage: Math.max(0, Math.ceil(total / ANNOTATION_PAGE_SIZE) - 1) };
}

/** One page (0-based) of the annotations the reader may read, in creation order. */
export async function annotationPage(
  prisma: PrismaClient,
  who: Reader,
  document: DocumentRef,
  page: number,
  origin: string,
): Promise<Annotation[]> {
  const ctx = await contextOf(prisma, who);
  const rows = await prisma.note.findMany({
    where: readableAnnotationsWhere(ctx, document.id),
    include: ANNOTATION_INCLUDE,
    orderBy: ANNOTATION_ORDER,
    skip: page * ANNOTATION_PAGE_SIZE,
    take: ANNOTATION_PAGE_SIZE,
  });
  return rows.flatMap((row) => (isReadableRow(ctx.actor, toNoteResource(row, ctx.reader), row.id, "w3c-container") ? [annotationOf(row, ctx, origin, document.slug)] : []));
}

/** An annotation's entity tag: its text's version and its moderation revision (a decision changes what it says). */
export function annotationEtag(row: { version: number; moderationRevision: number }): string {
  return `"${row.version}.${row.moderationRevision}"`;
}

export function versionOfEtag(tag: string): { version: number; moderationRevision: number } | null {
  const match = /^"(\d{1,10})\.(\d{1,10})"$/.exec(tag);
  return match ? { version: Number(match[1]), moderationRevision: Number(match[2]) } : null;
}

/**
 * One annotation of the document, as this reader may read it. Not readable: 404; deleted, to a reader who could read
 * it before: 410 Gone (the protocol's answer for a resource that existed), to anyone else: 404.
 */
export async function getAnnotation(prisma: PrismaClient, who: Reader, slug: string, id: string, origin: string) {
  assertRowId(id);
  const [document, ctx, row] = await Promise.all([
    documentRefOf(prisma, slug),
    contextOf(prisma, who),
    prisma.note.findUnique({ where: { id }, include: ANNOTATION_INCLUDE }),
  ]);
  if (!row || row.documentId !== document.id) throw notFound("No such annotation");
  const hasReplies = row.deletedAt && row.threadId ? await replyHasLiveReplies(prisma, row.threadId, row.id) : undefined;
  const resource = toNoteResource(row, ctx.reader, hasReplies);
  if (!can(ctx.actor, "note:read", resource)) {
    const before = toNoteResource({ ...row, deletedAt: null }, ctx.reader);
    if (row.deletedAt && can(ctx.actor, "note:read", before)) throw new AppError("gone", "This annotation was deleted");
    throw notFound("No such annotation");
  }
  return { row, document, ctx, annotation: annotationOf(row, ctx, origin, document.slug), etag: annotationEtag(row) };
}
