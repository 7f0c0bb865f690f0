import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { noteAccessOf, toNoteResource } from "../annotations/note-access";
import type { ReaderContext } from "../authz/reader-context";
import { contextOf, type Reader } from "../request/request-context";
import { historiesOf } from "../annotations/note-history";
import { orderThread } from "../annotations/thread-order";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { listNoteModerationRecords } from "./log-queries";
import { DECISION_ACTIONS } from "./moderation-schemas";
import { blockName, passageInContext } from "./passage-in-context";
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from "./queue-cursor";
import { assertReviewScope, moderatedNotesWhere, visibleRecordsSql, type ReviewScope } from "./review-scope";
import type { ImportBatchView, ReviewItem, ReviewQueuePage, TReviewQueueQuery } from "./review-queue-view";
import { bodyHtmlOf } from "../markdown/rendered-body";

/** Just what ordering, paging and the policy need: the list query stays an index range plus a top-N sort. */
const QUEUE_ROW = {
  id: true,
  authorId: true,
  visibility: true,
  groupId: true,
  moderationStatus: true,
  deletedAt: true,
  replyCount: true,
  threadId: true,
  thread: { select: { moderationStatus: true } },
  assignmentId: true,
  paragraphId: true,
  queuedAt: true,
  openFlagCount: true,
  version: true,
} satisfies Prisma.NoteSelect;
type QueueRow = Prisma.NoteGetPayload<{ select: typeof QUEUE_ROW }>;

function queueWhere(scope: ReviewScope, query: TReviewQueueQuery): Prisma.NoteWhereInput {
  const filters: Prisma.NoteWhereInput[] = [{ queuedAt: { not: null }, deletedAt: null }, moderatedNotesWhere(scope)];
  if (query.reason) filters.push({ flags: { some: { reason: query.reason, resolvedAt: null } } });
  if (query.group) filters.push({ groupId: query.group });
  if (query.referenceType) filters.push({ referenceType: query.referenceType });
  return { AND: filters };
}

function afterCursor(sort: TReviewQueueQuery["sort"], cursor: QueueCursor): Prisma.NoteWhereInput {
  const laterInTime: Prisma.NoteWhereInput = {
    OR: [{ queuedAt: { gt: cursor.queuedAt } }, { queuedAt: cursor.queuedAt, id: { gt: cursor.id } }],
  };
  if (sort === "oldest") return laterInTime;
  return { OR: [{ openFlagCount: { lt: cursor.flags } }, { AND: [{ openFlagCount: cursor.flags }, laterInTime] }] };
}

const ORDER: Record<TReviewQueueQuery["sort"], Prisma.NoteOrderByWithRelationInput[]> = {
  oldest: [{ queuedAt: "asc" }, { id: "asc" }],
  flags: [{ openFlagCount: "desc" }, { queuedAt: "asc" }, { id: "asc" }],
};

/**
 * The review queue: items waiting for a decision (pending, or flagged: Note.queuedAt is set) that the actor may
 * moderate, oldest first or most flagged first, filtered by an open flag's reason, group and reference type. The list
 * query reads only what ordering and the policy need; the page's items then get their details in a few batched
 * queries (loadReviewDetails). Anyone the policy does not let review gets a 404.
 */
export async function listReviewQueue(prisma: PrismaClient, who: Reader, query: TReviewQueueQuery): Promise<ReviewQueuePage> {
  const ctx = await contextOf(prisma, who);
  const { actor, reader } = ctx;
  const scope = await assertReviewScope(prisma, ctx);
  const where = queueWhere(scope, query);
  const [rows, total] = await Promise.all([
    prisma.note.findMany({
      where: query.cursor ? { AND: [where, afterCursor(query.sort, decodeQueueCursor(query.cursor))] } : where,
      select: QUEUE_ROW,
      orderBy: ORDER[query.sort],
      take: query.limit + 1,
    }),
    prisma.note.count({ where }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  // The SQL above mirrors the policy; each row is still put to it, so a drift between the two cannot show an item.
  const allowed = page.filter((row) => can(actor, "note:moderate", toNoteResource(row, reader)));
  return {
    items: await loadReviewDetails(prisma, actor, scope, reader, allowed),
    nextCursor: rows.length > query.limit && last ? encodeQueueCursor({ flags: last.openFlagCount, queuedAt: last.queuedAt!, id: last.id }) : null,
    total,
  };
}

/** One item of the queue, with its details, if it is (still) in the actor's queue; null otherwise. */
export async function getReviewItem(prisma: PrismaClient, who: Reader, noteId: string): Promise<ReviewItem | null> {
  const ctx = await contextOf(prisma, who);
  const { actor, reader } = ctx;
  const scope = await assertReviewScope(prisma, ctx);
  const row = await prisma.note.findFirst({ where: { AND: [{ id: noteId, deletedAt: null }, moderatedNotesWhere(scope)] }, select: QUEUE_ROW });
  if (!row || !can(actor, "note:moderate", toNoteResource(row, reader))) return null;
  const [item] = await loadReviewDetails(prisma, actor, scope, reader, [row]);
  return item ?? null;
}

/** Items of an import batch shown beside its lead in the queue. */
const BATCH_SAMPLE = 5;

const ITEM_INCLUDE = {
  ...NOTE_INCLUDE,
  paragraph: { select: { anchorId: true, kind: true, text: true } },
  document: { select: { slug: true } },
  // Joined in the same statement (relationJoins): the author's record and the open flags of every loaded item.
  author: { select: { id: true, displayName: true, trusted: true, status: true } },
  flags: {
    where: { resolvedAt: null },
    include: { flagger: { select: { displayName: true, deletedAt: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  // An import waiting as one batch: its facts, how many items still wait, and the first few after the lead.
  importBatch: {
    include: {
      _count: { select: { notes: { where: { moderationStatus: "pending", deletedAt: null } } } },
      notes: {
        where: { moderationStatus: "pending", deletedAt: null, queuedAt: null },
        select: {
          id: true, threadId: true, quoteExact: true, anchorStatus: true, body: true, bodyHtml: true, bodyHtmlVersion: true, paragraph: { select: { anchorId: true } },
          // What the policy needs to say whether this moderator may moderate each sample too.
          authorId: true, visibility: true, groupId: true, moderationStatus: true, deletedAt: true, replyCount: true, threadStatus: true, assignmentId: true, paragraphId: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: BATCH_SAMPLE,
      },
    },
  },
} satisfies Prisma.NoteInclude;

function batchView(actor: Actor, reader: ReaderContext, note: ThreadRow): ImportBatchView | null {
  const batch = note.importBatch;
  // Only the queued lead of a batch still waiting stands for it; any other of its items is reviewed as itself.
  if (!batch || note.queuedAt === null || note.moderationStatus !== "pending") return null;
  // A batch holds one visibility, so whoever moderates its lead moderates every item; still, each sample is put to
  // the policy like every other row this queue shows.
  const samples = batch.notes.filter((item) => can(actor, "note:moderate", toNoteResource(item, reader)));
  return {
    id: batch.id,
    source: batch.source,
    createdAt: batch.createdAt.toISOString(),
    noteCount: batch.noteCount,
    replyCount: batch.replyCount,
    anchored: batch.anchored,
    moved: batch.moved,
    orphaned: batch.orphaned,
    pending: batch._count.notes,
    sample: samples.map((item) => ({
      id: item.id,
      place: item.anchorStatus === "orphan" || !item.paragraph.anchorId ? null : blockName(item.paragraph.anchorId),
      quote: item.quoteExact,
      bodyHtml: bodyHtmlOf(item),
      reply: item.threadId !== null,
    })),
  };
}

type AuthorCounts = { authorId: string; items: number; decisions: Record<string, number> | null };

/**
 * What a moderator needs to decide on each item: the passage in its paragraph, the whole thread, the open flags, the
 * author's record and the item's edit and moderation history. A fixed number of statements for the whole page, run
 * together, whatever its length: the threads (items, flags and authors joined in), the moderation records, the
 * authors' counts, the edit histories.
 */
async function loadReviewDetails(
  prisma: PrismaClient,
  actor: Actor,
  scope: ReviewScope,
  reader: ReaderContext,
  rows: QueueRow[],
): Promise<ReviewItem[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const rootIds = [...new Set(rows.map((row) => row.threadId ?? row.id))];
  const authorIds = [...new Set(rows.map((row) => row.authorId))];
  const [threadRows, records, counts] = await Promise.all([
    prisma.note.findMany({
      where: { OR: [{ id: { in: rootIds } }, { threadId: { in: rootIds } }] },
      include: ITEM_INCLUDE,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    listNoteModerationRecords(prisma, scope, ids),
    // Shared items only: how much someone writes privately is nobody's business, moderators' included. Decisions
    // only among the records this moderator may read.
    prisma.$queryRaw<AuthorCounts[]>`
      SELECT a."authorId",
        (SELECT count(*)::int FROM "Note" n WHERE n."authorId" = a."authorId" AND n."deletedAt" IS NULL AND n."visibility" <> 'private') AS "items",
        (SELECT json_object_agg(d."action", d."count") FROM (
           SELECT r."action"::text AS "action", count(*)::int AS "count" FROM "ModerationRecord" r
           WHERE r."subjectUserId" = a."authorId" AND r."action"::text = ANY(${[...DECISION_ACTIONS]}::text[]) AND ${visibleRecordsSql(scope)}
           GROUP BY r."action") d) AS "decisions"
      FROM unnest(${authorIds}::uuid[]) AS a("authorId")`,
  ]);
  const noteById0 = new Map(threadRows.map((note) => [note.id, note]));
  // Each item is in its thread, so the thread rows hold the items (and their flags and authors) too.
  const histories = await historiesOf(prisma, rows.flatMap((row) => (noteById0.get(row.id) ? [noteById0.get(row.id)!] : [])));
  const authors = [...new Map(threadRows.filter((note) => authorIds.includes(note.authorId)).map((note) => [note.author.id, note.author])).values()];
  const itemCounts = counts.map((count) => ({ authorId: count.authorId, _count: { _all: count.items } }));
  const decisionCounts = counts.flatMap((count) =>
    Object.entries(count.decisions ?? {}).map(([action, total]) => ({ subjectUserId: count.authorId, action, _count: { _all: total } })),
  );
  const flags = threadRows.filter((note) => ids.includes(note.id)).flatMap((note) => note.flags);

  const noteById = new Map(threadRows.map((note) => [note.id, note]));
  const authorById = new Map(authors.map((author) => [author.id, author]));
  const itemCountOf = new Map(itemCounts.map((count) => [count.authorId, count._count._all]));
  const decisionsOf = new Map<string, Record<string, number>>();
  for (const count of decisionCounts) {
    const entry = decisionsOf.get(count.subjectUserId!) ?? decisionsOf.set(count.subjectUserId!, {}).get(count.subjectUserId!)!;
    entry[count.action] = count._count._all;
  }
  const flagsOf = new Map<string, ReviewItem["flags"]>();
  for (const flag of flags) {
    const list = flagsOf.get(flag.noteId) ?? flagsOf.set(flag.noteId, []).get(flag.noteId)!;
    list.push({
      id: flag.id,
      reason: flag.reason,
      comment: flag.comment,
      flagger: flag.flagger.deletedAt ? "Deleted user" : flag.flagger.displayName,
      createdAt: flag.createdAt.toISOString(),
    });
  }
  const threads = buildThreads(actor, reader, rootIds, threadRows);

  return rows.flatMap((row) => {
    const note = noteById.get(row.id);
    const thread = threads.get(row.threadId ?? row.id);
    const author = note ? authorById.get(note.authorId) : undefined;
    if (!note || !thread || !author) return [];
    return [
      {
        note: toNoteView(note, noteAccessOf(actor, toNoteResource(note, reader), { locked: (note.threadId ? noteById.get(note.threadId)?.lockedAt : note.lockedAt) != null })),
        moderationRevision: note.moderationRevision,
        moderationStatus: note.moderationStatus,
        queuedAt: (note.queuedAt ?? row.queuedAt ?? note.createdAt).toISOString(),
        openFlagCount: note.openFlagCount,
        documentSlug: note.document.slug,
        passage: note.paragraph.anchorId ? passageInContext(note.paragraph, note) : null,
        thread,
        opensThread: note.threadId === null,
        // Locking applies to the whole thread: it is set on the note that opens it.
        locked: (note.threadId ? noteById.get(note.threadId)?.lockedAt : note.lockedAt) != null,
        flags: flagsOf.get(note.id) ?? [],
        author: {
          id: author.id,
          displayName: author.displayName,
          trusted: author.trusted,
          suspended: author.status === "suspended",
          itemCount: itemCountOf.get(author.id) ?? 0,
          decisions: decisionsOf.get(author.id) ?? {},
        },
        history: histories.get(note.id) ?? null,
        records: records.get(note.id) ?? [],
        batch: batchView(actor, reader, note),
      },
    ];
  });
}

type ThreadRow = Prisma.NoteGetPayload<{ include: typeof ITEM_INCLUDE }>;

/** Each thread as the moderator reads it (through "note:read"): the note, then its replies in display order. */
function buildThreads(actor: Actor, reader: ReaderContext, rootIds: string[], rows: ThreadRow[]): Map<string, ReviewItem["thread"]> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const repliesOf = new Map<string, ThreadRow[]>();
  for (const row of rows) {
    if (row.threadId) (repliesOf.get(row.threadId) ?? repliesOf.set(row.threadId, []).get(row.threadId)!).push(row);
  }
  const threads = new Map<string, ReviewItem["thread"]>();
  for (const rootId of rootIds) {
    const root = byId.get(rootId);
    if (!root) continue;
    const replies = repliesOf.get(rootId) ?? [];
    const shape = replies.map((reply) => ({
      id: reply.id,
      parentId: reply.parentId,
      createdAt: reply.createdAt,
      deleted: reply.deletedAt !== null,
      authorName: reply.author.displayName,
    }));
    const ordered = orderThread(rootId, shape, (reply, hasReplies) => can(actor, "note:read", toNoteResource(byId.get(reply.id)!, reader, hasReplies)));
    // The actor's own items in the thread are shown as their author sees them; the others as their moderator.
    const locked = root.lockedAt !== null;
    const view = (row: ThreadRow) =>
      toNoteView(row, noteAccessOf(actor, toNoteResource(row, reader), { locked, thread: row.id === rootId ? undefined : toNoteResource(root, reader) }));
    threads.set(rootId, {
      note: view(root),
      replies: ordered.map(({ id, depth, inReplyTo }) => ({ ...view(byId.get(id)!), depth, inReplyTo })),
    });
  }
  return threads;
}
