import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { AppError, notFound } from "../errors/app-error";
import { can } from "../authz/can";
import { assertRowId } from "../db/row-id";
import { contextOf, type Reader, type RequestContext } from "../request/request-context";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { isReadableRow, toNoteResource } from "../annotations/note-access";
import { replyHasLiveReplies } from "../annotations/thread-replies";
import { toAnnotation } from "./to-annotation";
import { countReadable, readableIds, type KeyedId, type PagePosition } from "./annotation-ids";

/** The protocol's page size: at most 100 annotations a page (the bound; Hypothesis pages by 200). */
export const ANNOTATION_PAGE_SIZE = 100;

/** What an annotation needs beyond a note's view: the index entry's authority identifiers. */
export const ANNOTATION_INCLUDE = {
  ...NOTE_INCLUDE,
  referenceEntry: { select: { id: true, name: true, wikidata: true, viaf: true, geonames: true, gnd: true } },
} satisfies Prisma.NoteInclude;

export type AnnotationRow = Prisma.NoteGetPayload<{ include: typeof ANNOTATION_INCLUDE }>;
export type Annotation = Record<string, unknown> & { id: string };

export const READER_ACCESS = { sight: "reader", actions: { mayReply: false, mayFlag: false, mayEdit: false, mayDelete: false, mayModerate: false } } as const;

/** One row as a W3C annotation (after the policy's last word on it: see isReadableRow). */
export function annotationOf(row: AnnotationRow, ctx: RequestContext, origin: string, slug: string): Annotation {
  // An annotation carries no per-reader actions or moderation reasons: the view is the plain reader's.
  const view = toNoteView(row, READER_ACCESS);
  return toAnnotation({ ...view, canonical: row.canonical, via: row.via }, { appUrl: origin, slug, entry: row.deletedAt ? null : row.referenceEntry }) as Annotation;
}

/** The rows of these ids, in the ids' order, as annotations (a row can() refuses is logged and left out). */
export async function annotationsOf(prisma: PrismaClient, ctx: RequestContext, ids: KeyedId[], origin: string, slug: string, path: string): Promise<Annotation[]> {
  return (await readableRowsOf(prisma, ctx, ids, path)).map((row) => annotationOf(row, ctx, origin, slug));
}

/** The rows of these ids (from readableIds), in the ids' order, each put to the policy (a refused one is logged and left out). */
export async function readableRowsOf(prisma: PrismaClient, ctx: RequestContext, ids: KeyedId[], path: string): Promise<AnnotationRow[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.note.findMany({ where: { id: { in: ids.map(({ id }) => id) } }, include: ANNOTATION_INCLUDE });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row && isReadableRow(ctx.actor, toNoteResource(row, ctx.reader), row.id, path) ? [row] : [];
  });
}

export type AnnotationCollectionFacts = { document: DocumentRef; ctx: RequestContext; total: number; lastPage: number };

/** The index of the last page for this many annotations (page 0 exists even when there are none). */
export const lastPageOf = (total: number) => Math.max(0, Math.ceil(total / ANNOTATION_PAGE_SIZE) - 1);

/** The document and the reader's context, looked up together. */
export async function collectionContext(prisma: PrismaClient, who: Reader, slug: string | DocumentRef): Promise<{ document: DocumentRef; ctx: RequestContext }> {
  const [document, ctx] = await Promise.all([documentRefOf(prisma, slug), contextOf(prisma, who)]);
  return { document, ctx };
}

/** How many annotations the reader may read on the document, and so the index of the last page. */
export async function annotationCollectionFacts(prisma: PrismaClient, who: Reader, slug: string | DocumentRef): Promise<AnnotationCollectionFacts> {
  const { document, ctx } = await collectionContext(prisma, who, slug);
  const total = await countReadable(prisma, ctx, document.id);
  return { document, ctx, total, lastPage: lastPageOf(total) };
}

export type AnnotationPageRead = { annotations: Annotation[]; first: KeyedId | null; last: KeyedId | null; more: boolean };

/** One page of the annotations the reader may read, from a position in creation order; `more`: rows follow it. */
export async function annotationPage(
  prisma: PrismaClient,
  who: Reader,
  document: DocumentRef,
  position: PagePosition,
  origin: string,
  /** The protocol's is fixed; tests walk small pages to cross many page boundaries. */
  pageSize = ANNOTATION_PAGE_SIZE,
): Promise<AnnotationPageRead> {
  const ctx = await contextOf(prisma, who);
  const forward = position.kind === "offset" || position.kind === "after";
  const ids = await readableIds(prisma, ctx, document.id, position, forward ? pageSize + 1 : pageSize);
  const more = forward && ids.length > pageSize;
  const shown = more ? ids.slice(0, pageSize) : ids;
  return { annotations: await annotationsOf(prisma, ctx, shown, origin, document.slug, "w3c-container"), first: shown[0] ?? null, last: shown.at(-1) ?? null, more };
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
