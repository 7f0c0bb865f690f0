import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import type { Clock } from "../auth/clock";
import { generateJoinCode } from "./join-code";
import { loadGroupResource } from "./load-group";
import type { TCreateGroup } from "./group-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function createGroup(prisma: PrismaClient, actor: Actor, input: TCreateGroup) {
  assertCan(actor, "group:create", { type: "site" });
  const owner = actor as SignedIn;
  return prisma.group.create({
    data: {
      kind: input.kind,
      name: input.name,
      description: input.description || null,
      term: input.kind === "class" ? input.term || null : null,
      createdById: owner.id,
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
  });
}

export async function createInvite(prisma: PrismaClient, actor: Actor, groupId: string, expiresInDays: number, clock: Clock) {
  const group = await loadGroupResource(prisma, actor, groupId);
  assertCan(actor, "group:invite", group);
  return prisma.groupInvite.create({
    data: {
      groupId,
      code: generateJoinCode(),
      createdById: (actor as SignedIn).id,
      expiresAt: new Date(clock.now().getTime() + expiresInDays * DAY_MS),
    },
  });
}

export async function revokeInvite(prisma: PrismaClient, actor: Actor, groupId: string, inviteId: string, clock: Clock) {
  const group = await loadGroupResource(prisma, actor, groupId);
  assertCan(actor, "group:invite", group);
  const result = await prisma.groupInvite.updateMany({
    where: { id: inviteId, groupId, revokedAt: null },
    data: { revokedAt: clock.now() },
  });
  if (result.count === 0) throw notFound("No such active invitation");
}

/** Joins by code. An unknown, expired or revoked code answers the same 404, so codes cannot be probed. */
export async function joinGroup(prisma: PrismaClient, actor: Actor, code: string, clock: Clock) {
  const invite = await prisma.groupInvite.findUnique({ where: { code }, select: { groupId: true, expiresAt: true, revokedAt: true } });
  if (!invite || invite.revokedAt || invite.expiresAt <= clock.now()) throw notFound("This code is unknown or has expired");
  const group = await loadGroupResource(prisma, actor, invite.groupId);
  if (group.viewerRole) return { groupId: group.id, alreadyMember: true };
  assertCan(actor, "group:join", group);
  // A double-submitted join races to this insert: the loser finds the membership made, which is what it asked for.
  const { count } = await prisma.membership.createMany({
    data: [{ groupId: group.id, userId: (actor as SignedIn).id, role: "member" }],
    skipDuplicates: true,
  });
  return { groupId: group.id, alreadyMember: count === 0 };
}

export async function leaveGroup(prisma: PrismaClient, actor: Actor, groupId: string) {
  const group = await loadGroupResource(prisma, actor, groupId);
  if (group.viewerRole === "owner") {
    throw new AppError("conflict", "Transfer ownership to another member before leaving the group");
  }
  assertCan(actor, "group:leave", group);
  await prisma.membership.delete({ where: { groupId_userId: { groupId, userId: (actor as SignedIn).id } } });
}
