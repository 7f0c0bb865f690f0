import type { PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import type { RequestContext } from "../request/request-context";
import { all, visibleToReader } from "../search/search-conditions";

/** Where a page starts in (createdAt, id) order: an offset, after or before a keyset cursor, or the last `count` rows. */
export type PagePosition =
  | { kind: "offset"; offset: number }
  | { kind: "after"; createdAt: Date; id: string }
  | { kind: "before"; createdAt: Date; id: string }
  | { kind: "last"; count: number };

export type KeyedId = { id: string; createdAt: Date };

/**
 * The readable rows of a document in creation order, as ids only: the policy's "note:read" in its SQL form (the same
 * definition as the Prisma filter and can(), lib/authz/note-filter), placeholders included, narrowed by `extra`.
 * Ids first, then the rows by id: skipped and filtered rows never pay for the joined author, group and entry, and
 * the keyset comparison is a row-value one that PostgreSQL answers from the (documentId, createdAt, id) index.
 */
export async function readableIds(prisma: PrismaClient, ctx: RequestContext, documentId: string, position: PagePosition, limit: number, extra: Prisma.Sql[] = []): Promise<KeyedId[]> {
  const conditions = [visibleToReader(ctx.actor, ctx.reader, { placeholders: true }), Prisma.sql`n."documentId" = ${documentId}::uuid`, ...extra];
  if (position.kind === "after") conditions.push(Prisma.sql`(n."createdAt", n."id") > (${position.createdAt}, ${position.id}::uuid)`);
  if (position.kind === "before") conditions.push(Prisma.sql`(n."createdAt", n."id") < (${position.createdAt}, ${position.id}::uuid)`);
  const backwards = position.kind === "before" || position.kind === "last";
  const order = backwards ? Prisma.sql`n."createdAt" DESC, n."id" DESC` : Prisma.sql`n."createdAt", n."id"`;
  const take = position.kind === "last" ? Math.min(position.count, limit) : limit;
  const offset = position.kind === "offset" ? position.offset : 0;
  const rows = await prisma.$queryRaw<KeyedId[]>`
    SELECT n."id", n."createdAt" FROM "Note" n WHERE ${all(conditions)} ORDER BY ${order} LIMIT ${take} OFFSET ${offset}`;
  return backwards ? rows.reverse() : rows;
}

/** How many rows readableIds can reach (same conditions, one statement). */
export async function countReadable(prisma: PrismaClient, ctx: RequestContext, documentId: string, extra: Prisma.Sql[] = []): Promise<number> {
  const conditions = [visibleToReader(ctx.actor, ctx.reader, { placeholders: true }), Prisma.sql`n."documentId" = ${documentId}::uuid`, ...extra];
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Note" n WHERE ${all(conditions)}`;
  return row!.count;
}
