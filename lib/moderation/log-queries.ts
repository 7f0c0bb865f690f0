import { isStorableDate } from "../db/storable-date";
import type { Actor } from "../authz/actor";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";
import { csvRow } from "../export/csv";
import type { ModerationLogPage, TModerationLogQuery } from "./log-view";
import { assertReviewScope, visibleRecordsWhere, type ReviewScope } from "./review-scope";
import type { ModerationRecordView } from "./review-queue-view";

type RecordRow = Prisma.ModerationRecordGetPayload<object>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Newest first; the cursor is the last record's time and id (records are never changed, so pages stay put). */
function encodeLogCursor(record: { createdAt: Date; id: string }): string {
  return Buffer.from(`${record.createdAt.toISOString()}|${record.id}`).toString("base64url");
}

function decodeLogCursor(text: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || !isRowId(id) || !isStorableDate(createdAt)) {
    throw new AppError("bad_request", "Invalid input", { fields: { cursor: ["Malformed cursor"] } });
  }
  return { createdAt, id };
}

function logWhere(scope: ReviewScope, query: TModerationLogQuery): Prisma.ModerationRecordWhereInput {
  const filters: Prisma.ModerationRecordWhereInput[] = [visibleRecordsWhere(scope)];
  if (query.action) filters.push({ action: query.action });
  if (query.actor) {
    filters.push(isRowId(query.actor) ? { actorId: query.actor.toLowerCase() } : { actorLabel: { contains: query.actor, mode: "insensitive" } });
  }
  if (query.from) filters.push({ createdAt: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
  if (query.to) filters.push({ createdAt: { lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  return { AND: filters };
}

function afterCursor(cursor: { createdAt: Date; id: string }): Prisma.ModerationRecordWhereInput {
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

/**
 * Records as a reader of the log sees them: the user a record is about and its group by name, and the document of
 * its note for a permalink. Ids in records are plain columns (a record outlives what it names), so a name may be gone.
 */
export async function toRecordViews(prisma: PrismaClient, records: RecordRow[]): Promise<ModerationRecordView[]> {
  const ids = (pick: (record: RecordRow) => string | null) => [...new Set(records.map(pick).filter((id): id is string => id !== null))];
  // One statement for the three kinds of names, whatever the number of records.
  const [{ users, groups, notes }] = await prisma.$queryRaw<
    { users: { id: string; displayName: string; deleted: boolean }[]; groups: { id: string; name: string }[]; notes: { id: string; slug: string }[] }[]
  >`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('id', u."id", 'displayName', u."displayName", 'deleted', u."deletedAt" IS NOT NULL))
                FROM "User" u WHERE u."id" = ANY(${ids((record) => record.subjectUserId)}::uuid[])), '[]'::json) AS "users",
      COALESCE((SELECT json_agg(json_build_object('id', g."id", 'name', g."name"))
                FROM "Group" g WHERE g."id" = ANY(${ids((record) => record.groupId)}::uuid[])), '[]'::json) AS "groups",
      COALESCE((SELECT json_agg(json_build_object('id', n."id", 'slug', d."slug"))
                FROM "Note" n JOIN "Document" d ON d."id" = n."documentId" WHERE n."id" = ANY(${ids((record) => record.noteId)}::uuid[])), '[]'::json) AS "notes"`;
  const userName = new Map(users.map((user) => [user.id, user.deleted ? "Deleted user" : user.displayName]));
  const groupName = new Map(groups.map((group) => [group.id, group.name]));
  const slugOf = new Map(notes.map((note) => [note.id, note.slug]));
  return records.map((record) => ({
    id: record.id,
    action: record.action,
    actorLabel: record.actorLabel,
    noteId: record.noteId,
    documentSlug: record.noteId ? (slugOf.get(record.noteId) ?? null) : null,
    subjectUser: record.subjectUserId ? (userName.get(record.subjectUserId) ?? "Deleted user") : null,
    group: record.groupId ? (groupName.get(record.groupId) ?? "Deleted group") : null,
    previousStatus: record.previousStatus,
    newStatus: record.newStatus,
    reason: record.reason,
    queuedAt: record.queuedAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  }));
}

/** One page of the moderation log, newest first, of the records the actor may read (see visibleRecordsWhere). */
export async function listModerationLog(prisma: PrismaClient, actor: Actor, query: TModerationLogQuery): Promise<ModerationLogPage> {
  const scope = await assertReviewScope(prisma, actor);
  const where = logWhere(scope, query);
  const rows = await prisma.moderationRecord.findMany({
    where: query.cursor ? { AND: [where, afterCursor(decodeLogCursor(query.cursor))] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    records: await toRecordViews(prisma, page),
    nextCursor: rows.length > query.limit ? encodeLogCursor(page[page.length - 1]!) : null,
  };
}

/** An item's moderation records the actor may read, oldest first (its history as its moderators see it). */
export async function listNoteModerationRecords(prisma: PrismaClient, scope: ReviewScope, noteIds: string[]): Promise<Map<string, ModerationRecordView[]>> {
  const rows = await prisma.moderationRecord.findMany({
    where: { AND: [{ noteId: { in: noteIds } }, visibleRecordsWhere(scope)] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byNote = new Map<string, ModerationRecordView[]>();
  for (const view of await toRecordViews(prisma, rows)) {
    (byNote.get(view.noteId!) ?? byNote.set(view.noteId!, []).get(view.noteId!)!).push(view);
  }
  return byNote;
}

export const LOG_CSV_HEADER = [
  "time (UTC)",
  "action",
  "actor",
  "note",
  "about user",
  "group",
  "previous status",
  "new status",
  "reason",
  "queued at (UTC)",
] as const;

const CSV_BATCH = 1000;

/**
 * Every record the filters match, as CSV lines (header first), read in batches by keyset so that a long log is
 * streamed rather than held in memory. The access check runs before the first line.
 */
export async function moderationLogCsv(prisma: PrismaClient, actor: Actor, query: TModerationLogQuery): Promise<AsyncGenerator<string>> {
  const scope = await assertReviewScope(prisma, actor);
  const where = logWhere(scope, { ...query, cursor: undefined });
  async function* lines() {
    yield csvRow(LOG_CSV_HEADER);
    let cursor: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const rows: RecordRow[] = await prisma.moderationRecord.findMany({
        where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: CSV_BATCH,
      });
      for (const view of await toRecordViews(prisma, rows)) {
        yield csvRow([
          view.createdAt,
          view.action,
          view.actorLabel,
          view.noteId,
          view.subjectUser,
          view.group,
          view.previousStatus,
          view.newStatus,
          view.reason,
          view.queuedAt,
        ]);
      }
      if (rows.length < CSV_BATCH) return;
      cursor = rows[rows.length - 1]!;
    }
  }
  return lines();
}
