import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { loadGroupResource } from "./load-group";

/** The groups the actor belongs to. */
export async function listMyGroups(prisma: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") return [];
  const memberships = await prisma.membership.findMany({
    where: { userId: actor.id },
    include: { group: { select: { id: true, name: true, kind: true, term: true, _count: { select: { memberships: true } } } } },
    orderBy: { group: { name: "asc" } },
  });
  return memberships.map((membership) => ({ ...membership.group, role: membership.role, members: membership.group._count.memberships }));
}

/** A group's page: details and members for its members only (others get 404); invitations for its staff. */
export async function getGroupPage(prisma: PrismaClient, actor: Actor, groupId: string, clock: Clock) {
  const resource = await loadGroupResource(prisma, actor, groupId);
  assertCan(actor, "group:read", resource);
  const mayInvite = can(actor, "group:invite", resource);
  const group = await prisma.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      term: true,
      moderationMode: true,
      createdAt: true,
      memberships: {
        select: { role: true, joinedAt: true, user: { select: { id: true, displayName: true, affiliation: true } } },
        orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
      },
      invites: mayInvite
        ? { where: { revokedAt: null, expiresAt: { gt: clock.now() } }, select: { id: true, code: true, expiresAt: true }, orderBy: { createdAt: "desc" } }
        : false,
    },
  });
  return {
    group,
    viewerRole: resource.viewerRole,
    mayInvite,
    mayManage: can(actor, "group:update", resource),
    maySetModeration: can(actor, "group:set-moderation", resource),
  };
}
