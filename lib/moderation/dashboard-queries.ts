import type { Actor } from "../authz/actor";
import { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/create-prisma-client";
import { DECISION_ACTIONS } from "./moderation-schemas";
import { assertReviewScope, moderatedNotesSql, visibleRecordsSql } from "./review-scope";
import { FLAG_REASONS, type TFlagReason } from "./review-queue-view";

export const DASHBOARD_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ReviewDashboard = {
  queue: { size: number; pending: number; flagged: number; oldestQueuedAt: string | null; oldestAgeSeconds: number | null; medianAgeSeconds: number | null };
  /** One entry per UTC day, oldest first, the last being today. */
  decisionsPerDay: { day: string; count: number }[];
  /** From entering the queue to the decision that took it out, over the decisions of the period. */
  timeToDecision: { medianSeconds: number | null; decisions: number };
  flagsByReason: { reason: TFlagReason; open: number; raised: number }[];
};

// Timestamps are stored as UTC without a zone; parameters are passed as ISO text and read as UTC.
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
// Constant enum labels from our own list, never from the request.
const DECISIONS_SQL = Prisma.raw(DECISION_ACTIONS.map((action) => `'${action}'`).join(", "));
const QUEUE_LEAVING_SQL = Prisma.raw(["approve", "hide", "restore", "spam"].map((action) => `'${action}'`).join(", "));

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The reviewer's dashboard, over what the actor moderates (the same restriction as the queue and the log): the
 * queue's size and age, decisions per day over the last 30 days, the median time from entering the queue to a
 * decision, and flags by reason (open now, and raised in the period).
 */
export async function loadReviewDashboard(prisma: PrismaClient, actor: Actor, now = new Date()): Promise<ReviewDashboard> {
  const scope = await assertReviewScope(prisma, actor);
  const today = new Date(`${dayKey(now)}T00:00:00.000Z`);
  const start = new Date(today.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS);
  const notes = moderatedNotesSql(scope);
  const records = visibleRecordsSql(scope);

  const [[queue], perDay, [timing], flags] = await Promise.all([
    prisma.$queryRaw<{ size: number; pending: number; oldest: Date | null; median: number | null }[]>`
      SELECT count(*)::int AS size,
             count(*) FILTER (WHERE n."moderationStatus" = 'pending')::int AS pending,
             min(n."queuedAt") AS oldest,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${utc(now)} - n."queuedAt"))::float8 AS median
      FROM "Note" n
      WHERE n."queuedAt" IS NOT NULL AND n."deletedAt" IS NULL AND ${notes}`,
    prisma.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(date_trunc('day', r."createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "ModerationRecord" r
      WHERE r.action IN (${DECISIONS_SQL}) AND r."createdAt" >= ${utc(start)} AND ${records}
      GROUP BY 1`,
    prisma.$queryRaw<{ median: number | null; decisions: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."createdAt" - r."queuedAt"))::float8 AS median,
             count(*)::int AS decisions
      FROM "ModerationRecord" r
      WHERE r.action IN (${QUEUE_LEAVING_SQL}) AND r."queuedAt" IS NOT NULL AND r."createdAt" >= ${utc(start)} AND ${records}`,
    prisma.$queryRaw<{ reason: string; open: number; raised: number }[]>`
      SELECT f.reason::text AS reason,
             count(*) FILTER (WHERE f."resolvedAt" IS NULL)::int AS open,
             count(*) FILTER (WHERE f."createdAt" >= ${utc(start)})::int AS raised
      FROM "Flag" f JOIN "Note" n ON n.id = f."noteId"
      WHERE n."deletedAt" IS NULL AND (f."resolvedAt" IS NULL OR f."createdAt" >= ${utc(start)}) AND ${notes}
      GROUP BY 1`,
  ]);

  const countByDay = new Map(perDay.map((row) => [row.day, row.count]));
  // The database spells the enum value "off-topic"; the app says off_topic.
  const flagsOf = new Map(flags.map((row) => [row.reason.replace("-", "_"), row]));
  const oldest = queue?.oldest ?? null;
  return {
    queue: {
      size: queue?.size ?? 0,
      pending: queue?.pending ?? 0,
      flagged: (queue?.size ?? 0) - (queue?.pending ?? 0),
      oldestQueuedAt: oldest ? oldest.toISOString() : null,
      oldestAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
      medianAgeSeconds: queue?.median === null || queue?.median === undefined ? null : Math.max(0, Math.round(queue.median)),
    },
    decisionsPerDay: Array.from({ length: DASHBOARD_DAYS }, (_, index) => {
      const day = dayKey(new Date(start.getTime() + index * DAY_MS));
      return { day, count: countByDay.get(day) ?? 0 };
    }),
    timeToDecision: {
      medianSeconds: timing?.median === null || timing?.median === undefined ? null : Math.max(0, Math.round(timing.median)),
      decisions: timing?.decisions ?? 0,
    },
    flagsByReason: FLAG_REASONS.map((reason) => ({ reason, open: flagsOf.get(reason)?.open ?? 0, raised: flagsOf.get(reason)?.raised ?? 0 })),
  };
}
