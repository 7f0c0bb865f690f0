import { z } from "zod";
import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import { isGroupOwner } from "../authz/conditions";
import type { GroupResource } from "../authz/resources";
import { ZRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { ZMembershipView } from "./membership-operations";
import { generateJoinCode } from "./join-code";
import { loadGroupResource } from "./load-group";
import { ZCreateGroup, ZCreateInvite, ZJoinGroup } from "./group-schemas";
import { toInviteView, ZGroupView, ZInviteView, ZJoinResult } from "./group-views";

type SignedIn = Extract<Actor, { kind: "user" }>;
const DAY_MS = 24 * 60 * 60 * 1000;
const ZInGroup = z.strictObject({ groupId: ZRowId });

/** The creator becomes the group's owner, in the same transaction as the group. */
export const createGroup = defineOperation({
  name: "group.create",
  input: ZCreateGroup,
  output: ZGroupView,
  load: async () => ({ type: "site" as const }),
  authorise: ({ loaded }) => check("group:create", loaded),
  run: async (tx, { actor, input }) => {
    const group = await tx.group.create({
      data: {
        kind: input.kind,
        name: input.name,
        description: input.description || null,
        term: input.kind === "class" ? input.term || null : null,
        createdById: (actor as SignedIn).id,
        memberships: { create: { userId: (actor as SignedIn).id, role: "owner" } },
      },
    });
    const { id, kind, name, description, term, moderationMode, createdById, createdAt } = group;
    return { id, kind, name, description, term, moderationMode, createdById, createdAt: createdAt.toISOString() };
  },
  audit: ({ result }) => ({ action: "group.create", groupId: result.id, after: JSON.stringify({ kind: result.kind, name: result.name }) }),
});

export const createInvite = defineOperation({
  name: "invite.create",
  input: ZInGroup.extend(ZCreateInvite.shape),
  output: ZInviteView,
  load: (db, actor, input) => loadGroupResource(db, actor, input.groupId),
  authorise: ({ loaded }) => check("group:invite", loaded),
  run: async (tx, { actor, input, now }) =>
    toInviteView(
      await tx.groupInvite.create({
        data: { groupId: input.groupId, code: generateJoinCode(), createdById: (actor as SignedIn).id, expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS) },
      }),
    ),
  // The code itself stays out of the log: it is a key to the group for as long as it lives.
  audit: ({ input, result }) => ({ action: "invite.create", groupId: input.groupId, targetId: result.id, after: result.expiresAt }),
});

const noActiveInvite = () => notFound("No such active invitation");

/** Revoking an invitation that is no longer active (revoked already, or never this group's) is a 404. */
export const revokeInvite = defineOperation({
  name: "invite.revoke",
  input: ZInGroup.extend({ inviteId: ZRowId }),
  output: ZInviteView,
  load: async (db, actor, input) => {
    const group = await loadGroupResource(db, actor, input.groupId);
    // Looked up without deciding anything: whether it exists is told only to those the policy lets revoke it.
    const invite = await db.groupInvite.findFirst({ where: { id: input.inviteId, groupId: input.groupId, revokedAt: null } });
    return { group, invite };
  },
  authorise: ({ loaded }) => check("group:invite", loaded.group),
  refuse: ({ loaded }) => (loaded.invite ? null : noActiveInvite()),
  run: async (tx, { input, loaded, now }) => {
    // Conditional on still being active: of two revocations at once, the second finds nothing to revoke.
    const { count } = await tx.groupInvite.updateMany({ where: { id: input.inviteId, groupId: input.groupId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw noActiveInvite();
    return toInviteView({ ...loaded.invite!, revokedAt: now });
  },
  audit: ({ input, result }) => ({ action: "invite.revoke", groupId: input.groupId, targetId: input.inviteId, before: result.expiresAt, after: result.revokedAt }),
});

/**
 * Joins by code. An unknown, expired or revoked code answers the same 404, so codes cannot be probed. A member who
 * joins again changes nothing (alreadyMember: true), and neither does the loser of a double-submitted join.
 */
export const joinGroup = defineOperation({
  name: "membership.join",
  input: ZJoinGroup,
  output: ZJoinResult,
  load: async (db, actor, input, { now }) => {
    const invite = await db.groupInvite.findUnique({ where: { code: input.code }, select: { id: true, groupId: true, expiresAt: true, revokedAt: true } });
    if (!invite || invite.revokedAt || invite.expiresAt <= now) throw notFound("This code is unknown or has expired");
    return { inviteId: invite.id, group: await loadGroupResource(db, actor, invite.groupId) };
  },
  authorise: ({ loaded }) => check("group:join", loaded.group),
  run: async (tx, { actor, loaded }) => {
    // The insert decides whether this is a join: an existing membership (made earlier, or by a concurrent join) stays.
    const { count } = await tx.membership.createMany({ data: [{ groupId: loaded.group.id, userId: (actor as SignedIn).id, role: "member" }], skipDuplicates: true });
    return { groupId: loaded.group.id, alreadyMember: count === 0 };
  },
  audit: ({ actor, loaded, result }) =>
    result.alreadyMember ? null : { action: "membership.join", subjectId: (actor as SignedIn).id, groupId: result.groupId, targetId: loaded.inviteId, after: "member" },
  changes: ({ actor, result }) => (result.alreadyMember ? [] : [{ kind: "access.changed", userId: (actor as SignedIn).id, groupId: result.groupId }]),
});

/** The owner must first hand the group to someone else (a group always has one owner): a conflict, not a refusal. */
const ownerMustHandOver = (actor: Actor, group: GroupResource) =>
  isGroupOwner(actor, group) ? new AppError("conflict", "Transfer ownership to another member before leaving the group") : null;

/** Whether the page offers "Leave this group": the operation's own two questions, asked once. */
export function mayLeave(actor: Actor, group: GroupResource): boolean {
  return can(actor, "group:leave", group) && ownerMustHandOver(actor, group) === null;
}

/** A member leaves; the owner must first hand the group to someone else. */
export const leaveGroup = defineOperation({
  name: "membership.leave",
  input: ZInGroup,
  output: ZMembershipView,
  load: (db, actor, input) => loadGroupResource(db, actor, input.groupId),
  authorise: ({ loaded }) => check("group:leave", loaded),
  refuse: ({ actor, loaded }) => ownerMustHandOver(actor, loaded),
  run: async (tx, { actor, input, loaded }) => {
    // Conditional on the role we decided on: made owner (or removed) meanwhile, the member is refused, not deleted.
    const { count } = await tx.membership.deleteMany({ where: { groupId: input.groupId, userId: (actor as SignedIn).id, role: loaded.viewerRole! } });
    if (count === 0) throw new AppError("conflict", "This membership changed meanwhile; reload and try again");
    return { groupId: input.groupId, userId: (actor as SignedIn).id, role: null };
  },
  audit: ({ input, loaded, result }) => ({ action: "membership.leave", subjectId: result.userId, groupId: input.groupId, before: loaded.viewerRole, after: null }),
  changes: ({ input, result }) => [{ kind: "access.changed", userId: result.userId, groupId: input.groupId }],
});
