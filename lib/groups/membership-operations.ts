import { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { MembershipResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { ZRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { loadGroupResource } from "./load-group";

const ZMembershipTarget = z.strictObject({ groupId: ZRowId, userId: ZRowId });

/** A member's place in a group, as the answer of a membership change. */
export const ZMembershipView = z
  .strictObject({ groupId: ZRowId, userId: ZRowId, role: z.enum(["owner", "moderator", "member"]).nullable().describe("null once removed") })
  .meta({ id: "Membership" });

/** The target membership as a policy resource; the group's non-members learn nothing (404), a missing member is 404. */
async function loadMembership(prisma: PrismaClient, actor: Actor, groupId: string, userId: string): Promise<MembershipResource> {
  const group = await loadGroupResource(prisma, actor, groupId);
  assertCan(actor, "group:read", group);
  const target = await prisma.membership.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true } });
  if (!target) throw notFound("Not a member of this group");
  return { type: "membership", groupId, viewerRole: group.viewerRole, targetUserId: userId, targetRole: target.role };
}

/** The membership changed under us (another staff member acted first): a conflict, never a silent overwrite. */
const changedMeanwhile = () => new AppError("conflict", "This membership changed meanwhile; reload and try again");

export const changeMemberRole = defineOperation({
  name: "membership.change-role",
  input: ZMembershipTarget.extend({ role: z.enum(["moderator", "member"]) }),
  output: ZMembershipView,
  load: (db, actor, input) => loadMembership(db, actor, input.groupId, input.userId),
  authorise: ({ loaded }) => check("membership:change-role", loaded),
  run: async (tx, { input, loaded }) => {
    // Conditional on the role we decided on: a concurrent change (or removal) is a 409, not an overwrite.
    const { count } = await tx.membership.updateMany({
      where: { groupId: input.groupId, userId: input.userId, role: loaded.targetRole },
      data: { role: input.role },
    });
    if (count === 0) throw changedMeanwhile();
    return { groupId: input.groupId, userId: input.userId, role: input.role };
  },
  audit: ({ input, loaded }) =>
    loaded.targetRole === input.role
      ? null
      : { action: "membership.change-role", subjectId: input.userId, groupId: input.groupId, before: loaded.targetRole, after: input.role },
  changes: ({ input }) => [{ kind: "access.changed", userId: input.userId, groupId: input.groupId }],
});

export const removeMember = defineOperation({
  name: "membership.remove",
  input: ZMembershipTarget,
  output: ZMembershipView,
  load: (db, actor, input) => loadMembership(db, actor, input.groupId, input.userId),
  authorise: ({ loaded }) => check("membership:remove", loaded),
  run: async (tx, { input, loaded }) => {
    const { count } = await tx.membership.deleteMany({ where: { groupId: input.groupId, userId: input.userId, role: loaded.targetRole } });
    if (count === 0) throw changedMeanwhile();
    return { groupId: input.groupId, userId: input.userId, role: null };
  },
  audit: ({ input, loaded }) => ({ action: "membership.remove", subjectId: input.userId, groupId: input.groupId, before: loaded.targetRole, after: null }),
  changes: ({ input }) => [{ kind: "access.changed", userId: input.userId, groupId: input.groupId }],
});

/** The new owner must already be a member; the old owner stays on as a moderator. */
export const transferOwnership = defineOperation({
  name: "membership.transfer-ownership",
  input: ZMembershipTarget,
  output: ZMembershipView,
  load: (db, actor, input) => loadMembership(db, actor, input.groupId, input.userId),
  authorise: ({ loaded }) => check("membership:transfer-ownership", loaded),
  run: async (tx, { input, loaded }) => {
    await tx.membership.updateMany({ where: { groupId: input.groupId, role: "owner" }, data: { role: "moderator" } });
    // Conditional, like its siblings: a member who left or changed role meanwhile is a 409, never a 500 or a wrong record.
    const { count } = await tx.membership.updateMany({ where: { groupId: input.groupId, userId: input.userId, role: loaded.targetRole }, data: { role: "owner" } });
    if (count === 0) throw changedMeanwhile();
    return { groupId: input.groupId, userId: input.userId, role: "owner" as const };
  },
  audit: ({ input, loaded }) => ({ action: "membership.transfer-ownership", subjectId: input.userId, groupId: input.groupId, before: loaded.targetRole, after: "owner" }),
  // Both sides' rights change: the new owner's and the old owner's (now a moderator), so the group's staff re-check.
  changes: ({ input, actor }) => [{ kind: "access.changed", userId: input.userId, groupId: input.groupId }, ...(actor.kind === "user" ? [{ kind: "access.changed" as const, userId: actor.id, groupId: input.groupId }] : [])],
});
