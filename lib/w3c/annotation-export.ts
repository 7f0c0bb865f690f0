import type { DocumentRef } from "../documents/document-ref";
import type { PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { notFound, unauthenticated } from "../errors/app-error";
import type { RequestContext } from "../request/request-context";
import { annotationsOf } from "./annotation-queries";
import { countReadable, readableIds } from "./annotation-ids";
import { keysetBatches } from "./keyset-batches";
import { LDP_CONTEXT } from "./container-representation";
import { W3C_CONTEXT, containerIri } from "./annotation-iris";

/** Rows fetched per round trip: big enough to stream quickly, small enough that memory stays flat. */
const BATCH = 1000;

export type ExportScope = { kind: "mine" } | { kind: "group"; groupId: string } | { kind: "readable" };

/** Which live annotations an export holds, inside what the reader may read on the document (the one visibility rule). */
function scopeConditions(ctx: RequestContext, scope: ExportScope): Prisma.Sql[] {
  const live = Prisma.sql`n."deletedAt" IS NULL`;
  // Everything the reader may read: the container's contents in one file (anonymous readers too).
  if (scope.kind === "readable") return [live];
  if (ctx.actor.kind !== "user") throw unauthenticated();
  if (scope.kind === "mine") return [live, Prisma.sql`n."authorId" = ${ctx.actor.id}::uuid`];
  // A group's notes are for its members: to anyone else the group does not exist.
  if (!ctx.reader.roles.has(scope.groupId)) throw notFound("No such group");
  return [live, Prisma.sql`n."visibility" = 'group' AND n."groupId" = ${scope.groupId}::uuid`];
}

/**
 * The export as a W3C AnnotationCollection with every item in one embedded page, produced piece by piece: the head
 * after one count, then the items in batches by keyset (creation time, id), so a 100,000-annotation export never
 * holds more than one batch. The caller streams the pieces.
 */
export async function* exportAnnotations(prisma: PrismaClient, ctx: RequestContext, document: DocumentRef, scope: ExportScope, origin: string, label: string): AsyncGenerator<string> {
  const extra = scopeConditions(ctx, scope);
  const total = await countReadable(prisma, ctx, document.id, extra);
  const head = { "@context": [W3C_CONTEXT, LDP_CONTEXT], type: "AnnotationCollection", label, total, partOf: containerIri(origin, document.slug), generated: new Date().toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[\n`;
  const batches = keysetBatches(async (after) => {
    const ids = await readableIds(prisma, ctx, document.id, after ? { kind: "after", ...after } : { kind: "offset", offset: 0 }, BATCH, extra);
    return { ids, items: await annotationsOf(prisma, ctx, ids, origin, document.slug, "w3c-export") };
  }, BATCH);
  let first = true;
  for await (const annotations of batches) {
    let piece = "";
    for (const annotation of annotations) {
      piece += `${first ? "" : ",\n"}${JSON.stringify(annotation)}`;
      first = false;
    }
    yield piece;
  }
  yield "\n]}}\n";
}
