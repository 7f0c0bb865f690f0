import { Prisma } from "../db/generated/client";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import { moderatesNote } from "../authz/conditions";
import { toNoteSql, toNoteWhere } from "../authz/note-filter/note-predicate";
import { emptyReaderContext, type ReaderContext } from "../authz/reader-context";
import { contextOf, type Reader, type RequestContext } from "../request/request-context";
import type { PrismaClient } from "../db/create-prisma-client";

/**
 * What one actor moderates, loaded once per request: the queue, the log and the dashboard restrict their SQL with it
 * (so a page of 20 never scans what the actor may not see), and each loaded row is still passed through can().
 * Public items: site reviewers and admins. Group items: admins, and the owners and moderators of that group.
 * Private items: nobody. Nobody their own items (the queries add that).
 */
export type ReviewScope = {
  actorId: string;
  actor: Extract<Actor, { kind: "user" }>;
  /** The reader facts the policy's moderatesNote reads: the roles in the groups the actor staffs. */
  reader: ReaderContext;
  publicItems: boolean;
  allGroups: boolean;
  /** Groups the actor owns or moderates, with their names (the queue's group filter offers them). */
  staffGroups: { id: string; name: string }[];
};

/**
 * What the request's reader moderates, from its context (no query). Null when it moderates nothing at all
 * (anonymous, or a researcher who staffs no group).
 */
export function reviewScopeWith(ctx: RequestContext): ReviewScope | null {
  const { actor } = ctx;
  if (actor.kind !== "user") return null;
  const staff = ctx.groups.filter((group) => group.role === "owner" || group.role === "moderator");
  const staffGroups = staff.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const publicItems = actor.siteRole === "reviewer" || actor.siteRole === "admin";
  const allGroups = actor.siteRole === "admin";
  if (!publicItems && !allGroups && staffGroups.length === 0) return null;
  const reader: ReaderContext = { ...emptyReaderContext(ctx.reader.now), roles: new Map(staff.map((group) => [group.id, group.role])) };
  return { actorId: actor.id, actor, reader, publicItems, allGroups, staffGroups };
}

/** Whether the request's reader may use the review tools, from its context: no query. */
export function mayReviewWith(ctx: RequestContext): boolean {
  const moderatesAGroup = ctx.groups.some((group) => group.role === "owner" || group.role === "moderator");
  return can(ctx.actor, "moderation:review", { type: "moderation", viewerModeratesAGroup: moderatesAGroup });
}

/**
 * Whether the actor may use the review tools (the site header's "Review" link, the pages' 404). Site reviewers and
 * admins are answered without a query; others by whether they own or moderate a group.
 */
export async function mayReview(prisma: PrismaClient, actor: Actor): Promise<boolean> {
  if (actor.kind !== "user") return false;
  if (can(actor, "moderation:review", { type: "moderation", viewerModeratesAGroup: false })) return true;
  const staff = await prisma.membership.findFirst({ where: { userId: actor.id, role: { in: ["owner", "moderator"] } }, select: { groupId: true } });
  return can(actor, "moderation:review", { type: "moderation", viewerModeratesAGroup: staff !== null });
}

/**
 * The scope of someone the policy lets use the review tools ("moderation:review"); anyone else gets a 404, as if
 * the tools did not exist.
 */
export async function assertReviewScope(prisma: PrismaClient, who: Reader): Promise<ReviewScope> {
  const ctx = await contextOf(prisma, who);
  const actor = ctx.actor;
  const scope = reviewScopeWith(ctx);
  assertCan(actor, "moderation:review", { type: "moderation", viewerModeratesAGroup: Boolean(scope?.staffGroups.length) });
  if (!scope) throw new Error("moderation:review allowed an actor who moderates nothing");
  return scope;
}

const staffGroupIds = (scope: ReviewScope) => scope.staffGroups.map((group) => group.id);
// Moderation records are not notes: their scope is its own rule (visibleRecordsWhere), not a note permission.
const staffGroupsSql = (scope: ReviewScope) => Prisma.join(staffGroupIds(scope).map((id) => Prisma.sql`${id}::uuid`));

/**
 * Notes and replies the scope moderates, as a Prisma filter: the policy's moderatesNote condition in its query form
 * (lib/authz/conditions.ts), the same definition can() applies to one item.
 */
export function moderatedNotesWhere(scope: ReviewScope): Prisma.NoteWhereInput {
  return toNoteWhere(moderatesNote.where(scope.actor, scope.reader));
}

/** The same rule as SQL over the note alias `n`, for the dashboard's aggregates. */
export function moderatedNotesSql(scope: ReviewScope): Prisma.Sql {
  return toNoteSql(moderatesNote.where(scope.actor, scope.reader));
}

/**
 * Moderation records the scope may read: admins all; reviewers those without a group (public items, trust changes);
 * group staff their groups'. A flag record on the actor's own item names its flagger, so it is never shown to them.
 */
export function visibleRecordsWhere(scope: ReviewScope): Prisma.ModerationRecordWhereInput {
  const ownFlags: Prisma.ModerationRecordWhereInput = {
    OR: [{ action: { not: "flag" } }, { subjectUserId: null }, { subjectUserId: { not: scope.actorId } }],
  };
  if (scope.allGroups) return ownFlags;
  const reach: Prisma.ModerationRecordWhereInput[] = [];
  if (scope.publicItems) reach.push({ groupId: null });
  if (scope.staffGroups.length) reach.push({ groupId: { in: staffGroupIds(scope) } });
  return { AND: [ownFlags, { OR: reach }] };
}

/** The same rule as SQL over the record alias `r`. */
export function visibleRecordsSql(scope: ReviewScope): Prisma.Sql {
  const ownFlags = Prisma.sql`NOT (r.action = 'flag' AND r."subjectUserId" IS NOT DISTINCT FROM ${scope.actorId}::uuid)`;
  if (scope.allGroups) return ownFlags;
  const reach: Prisma.Sql[] = [];
  if (scope.publicItems) reach.push(Prisma.sql`r."groupId" IS NULL`);
  if (scope.staffGroups.length) reach.push(Prisma.sql`r."groupId" IN (${staffGroupsSql(scope)})`);
  if (!reach.length) return Prisma.sql`FALSE`;
  return Prisma.sql`(${ownFlags} AND (${Prisma.join(reach, " OR ")}))`;
}

/** The groups the queue's group filter offers: every group to an admin, otherwise the groups the actor staffs. */
export async function reviewGroupOptions(prisma: PrismaClient, scope: ReviewScope): Promise<{ id: string; name: string }[]> {
  if (!scope.allGroups) return scope.staffGroups;
  return prisma.group.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 });
}
