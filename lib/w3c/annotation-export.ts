import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { DocumentRef } from "../documents/document-ref";
import { notFound, unauthenticated } from "../errors/app-error";
import { isReadableRow } from "../annotations/note-access";
import { toNoteResource } from "../annotations/note-access";
import type { RequestContext } from "../request/request-context";
import { ANNOTATION_INCLUDE, annotationOf, readableAnnotationsWhere } from "./annotation-queries";
import { LDP_CONTEXT } from "./container-representation";
import { W3C_CONTEXT, containerIri } from "./annotation-iris";

/** Rows fetched per round trip: big enough to stream quickly, small enough that memory stays flat. */
const BATCH = 500;

export type ExportScope = { kind: "mine" } | { kind: "group"; groupId: string };

/** Which annotations an export holds, inside what the reader may read (the one visibility rule) on the document. */
function scopeWhere(ctx: RequestContext, scope: ExportScope): Prisma.NoteWhereInput {
  if (ctx.actor.kind !== "user") throw unauthenticated();
  if (scope.kind === "mine") return { authorId: ctx.actor.id, deletedAt: null };
  // A group's notes are for its members: to anyone else the group does not exist.
  if (!ctx.reader.roles.has(scope.groupId)) throw notFound("No such group");
  return { visibility: "group", groupId: scope.groupId, deletedAt: null };
}

/**
 * The export as a W3C AnnotationCollection with every item in one embedded page, produced piece by piece: the head
 * after one count, then the items in batches by keyset (creation time, id), so a 100,000-annotation export never
 * holds more than one batch. The caller streams the pieces.
 */
export async function* exportAnnotations(prisma: PrismaClient, ctx: RequestContext, document: DocumentRef, scope: ExportScope, origin: string, label: string): AsyncGenerator<string> {
  const where = readableAnnotationsWhere(ctx, document.id, scopeWhere(ctx, scope));
  const total = await prisma.note.count({ where });
  const head = {
    "@context": [W3C_CONTEXT, LDP_CONTEXT],
    type: "AnnotationCollection",
    label,
    total,
    partOf: containerIri(origin, document.slug),
    generated: new Date().toISOString(),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[\n`;
  let after: { createdAt: Date; id: string } | null = null;
  let first = true;
  for (;;) {
    const rows: Prisma.NoteGetPayload<{ include: typeof ANNOTATION_INCLUDE }>[] = await prisma.note.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }] } : where,
      include: ANNOTATION_INCLUDE,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    let piece = "";
    for (const row of rows) {
      if (!isReadableRow(ctx.actor, toNoteResource(row, ctx.reader), row.id, "w3c-export")) continue;
      piece += `${first ? "" : ",\n"}${JSON.stringify(annotationOf(row, ctx, origin, document.slug))}`;
      first = false;
    }
    if (piece) yield piece;
    if (rows.length < BATCH) break;
    const last = rows.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  yield "\n]}}\n";
}

/** A ReadableStream over the pieces (pull-based: the next batch is read only when the client has taken the last). */
export function streamOf(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
