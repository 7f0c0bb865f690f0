import type { Actor, GroupRoleName } from "../authz/actor";
import { emptyReaderContext, type PeerVisibilityName, type ReaderContext } from "../authz/reader-context";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";

export type ContextGroup = { id: string; name: string; kind: "research" | "class"; role: GroupRoleName };

/**
 * The request's facts about its reader, built once per request and passed to every loader (never looked up again
 * in a helper): the actor; what the policy reads of it (roles, assignments, own notes on assigned paragraphs, the
 * instant); its groups, for the composer, the filters and the header; and its unread notifications.
 */
export type RequestContext = {
  kind: "request-context";
  actor: Actor;
  reader: ReaderContext;
  groups: ContextGroup[];
  unreadNotifications: number;
};

type Row = {
  /** peerVisibility as stored: the enum's database values ("after-first-note", "after-due"), not Prisma's names. */
  memberships: { groupId: string; role: GroupRoleName; name: string; kind: "research" | "class"; assignments: { id: string; peerVisibility: string; dueAt: string }[] }[];
  ownNotes: { assignmentId: string; paragraphId: string }[];
  unread: number;
};

/**
 * One statement for a signed-in reader (none for anyone else): memberships with their groups and the groups'
 * assignments, the reader's own live notes on assignments (the peer rule "after first note"), and the unread count.
 */
export async function loadRequestContext(prisma: Prisma.TransactionClient | PrismaClient, actor: Actor, now: Date = new Date()): Promise<RequestContext> {
  if (actor.kind !== "user") return { kind: "request-context", actor, reader: emptyReaderContext(now), groups: [], unreadNotifications: 0 };
  const [row] = await prisma.$queryRaw<Row[]>`
    SELECT
      COALESCE((
        SELECT json_agg(json_build_object(
          'groupId', m."groupId", 'role', m."role", 'name', g."name", 'kind', g."kind",
          'assignments', COALESCE((
            SELECT json_agg(json_build_object('id', a."id", 'peerVisibility', a."peerVisibility", 'dueAt', a."dueAt" AT TIME ZONE 'UTC'))
            FROM "Assignment" a WHERE a."groupId" = m."groupId"), '[]'::json)
        ) ORDER BY g."name", g."id")
        FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId" WHERE m."userId" = ${actor.id}::uuid
      ), '[]'::json) AS "memberships",
      COALESCE((
        SELECT json_agg(DISTINCT jsonb_build_object('assignmentId', n."assignmentId", 'paragraphId', n."paragraphId"))
        FROM "Note" n
        WHERE n."authorId" = ${actor.id}::uuid AND n."assignmentId" IS NOT NULL AND n."threadId" IS NULL AND n."deletedAt" IS NULL
      ), '[]'::json) AS "ownNotes",
      (SELECT count(*)::int FROM "Notification" x WHERE x."userId" = ${actor.id}::uuid AND x."readAt" IS NULL) AS "unread"`;
  const ownNoteParagraphs = new Map<string, Set<string>>();
  for (const { assignmentId, paragraphId } of row.ownNotes) {
    (ownNoteParagraphs.get(assignmentId) ?? ownNoteParagraphs.set(assignmentId, new Set()).get(assignmentId)!).add(paragraphId);
  }
  return {
    kind: "request-context",
    actor,
    reader: {
      roles: new Map(row.memberships.map((membership) => [membership.groupId, membership.role])),
      assignments: new Map(
        row.memberships.flatMap((membership) => membership.assignments.map((a) => [a.id, { peerVisibility: a.peerVisibility.replaceAll("-", "_") as PeerVisibilityName, dueAt: new Date(a.dueAt) }] as const)),
      ),
      ownNoteParagraphs,
      now,
    },
    groups: row.memberships.map(({ groupId, name, kind, role }) => ({ id: groupId, name, kind, role })),
    unreadNotifications: row.unread,
  };
}

/** A loader's first argument: the request's context, or (scripts, tests, one-off calls) an actor to build one for. */
export type Reader = Actor | RequestContext;

export async function contextOf(prisma: Prisma.TransactionClient | PrismaClient, who: Reader): Promise<RequestContext> {
  return "kind" in who && who.kind === "request-context" ? who : loadRequestContext(prisma, who as Actor);
}
