import type { Prisma, PrismaClient } from "../db/create-prisma-client";

/** What happened, in ids only: the listener looks the item up under the reader's own rights. */
export type ChangeKind =
  | "note.created"
  | "note.updated"
  | "note.deleted"
  | "note.moderated"
  | "note.reanchored"
  | "notification.created"
  | "queue.changed"
  | "access.changed";

export type ChangeEntry = { kind: ChangeKind; documentId?: string | null; noteId?: string | null; userId?: string | null; groupId?: string | null };

export type FeedEvent = { id: bigint; xid: bigint; kind: ChangeKind; documentId: string | null; noteId: string | null; userId: string | null; groupId: string | null; createdAt: Date };

/** A position in the feed: every event at or before (xid, id) has been delivered. */
export type FeedCursor = { xid: bigint; id: bigint };
export const FEED_START: FeedCursor = { xid: 0n, id: 0n };

/** How long the feed keeps its events; a reader resuming from further back is told to reload (issue #18). */
export const FEED_RETENTION_HOURS = 24;

/** Records changes in the caller's transaction: they exist (and are announced) exactly when the change commits. */
export async function recordChanges(tx: Prisma.TransactionClient, entries: readonly ChangeEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.changeEvent.createMany({
    data: entries.map((entry) => ({
      kind: entry.kind,
      documentId: entry.documentId ?? null,
      noteId: entry.noteId ?? null,
      userId: entry.userId ?? null,
      groupId: entry.groupId ?? null,
    })),
  });
}

type Row = { id: bigint; xid: string; kind: ChangeKind; documentId: string | null; noteId: string | null; userId: string | null; groupId: string | null; createdAt: Date };

/**
 * The events after `cursor` that can no longer be preceded by another, in (xid, id) order. A sequence number is
 * taken at insert, not at commit, so id 101 may commit before id 100; but every transaction still running has an id
 * at or above the oldest running one (pg_snapshot_xmin of the current snapshot), and any transaction yet to start
 * gets a higher one. So the events of transactions below that watermark are final: delivered in (xid, id) order they
 * never gain a predecessor, and a reader that resumes after (xid, id) neither skips nor repeats one.
 */
export async function readFeed(db: PrismaClient | Prisma.TransactionClient, cursor: FeedCursor, limit = 500): Promise<FeedEvent[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT "id", "xid"::text AS "xid", "kind", "documentId"::text AS "documentId", "noteId"::text AS "noteId",
           "userId"::text AS "userId", "groupId"::text AS "groupId", "createdAt"
    FROM "ChangeEvent"
    WHERE ("xid", "id") > (${cursor.xid.toString()}::xid8, ${cursor.id})
      AND "xid" < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY "xid", "id"
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, xid: BigInt(row.xid) }));
}

/** Whether committed events beyond the cursor wait for an older transaction to end (then the reader looks again). */
export async function hasHeldBack(db: PrismaClient, cursor: FeedCursor): Promise<boolean> {
  const rows = await db.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "ChangeEvent" WHERE ("xid", "id") > (${cursor.xid.toString()}::xid8, ${cursor.id})) AS "held"`;
  return rows[0]?.held ?? false;
}

/**
 * The cursor of an event id (a client's Last-Event-ID), or null when the feed no longer holds it (older than the
 * retention, or never issued): the client must then reload its data instead of resuming.
 */
export async function cursorOf(db: PrismaClient, eventId: bigint): Promise<FeedCursor | null> {
  const rows = await db.$queryRaw<{ xid: string }[]>`SELECT "xid"::text AS "xid" FROM "ChangeEvent" WHERE "id" = ${eventId}`;
  return rows[0] ? { xid: BigInt(rows[0].xid), id: eventId } : null;
}

/** Where a new subscriber starts: after everything final now (it loads the current state itself). */
export async function currentCursor(db: PrismaClient): Promise<FeedCursor> {
  const rows = await db.$queryRaw<{ xid: string | null; id: bigint | null }[]>`
    SELECT "xid"::text AS "xid", "id" FROM "ChangeEvent"
    WHERE "xid" < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY "xid" DESC, "id" DESC LIMIT 1`;
  return rows[0]?.xid ? { xid: BigInt(rows[0].xid), id: rows[0].id! } : FEED_START;
}

/** Drops events older than the retention; run by the background work (lib/background-work.ts). */
export async function pruneFeed(db: PrismaClient, now: Date): Promise<number> {
  const before = new Date(now.getTime() - FEED_RETENTION_HOURS * 3_600_000);
  const { count } = await db.changeEvent.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
