import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { UserResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { revokeAllSessions } from "../auth/sessions";
import { log } from "../log";
import { loadUserResource } from "./load-user";

type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * Changes a site role. The audit record is written in the same transaction as the change, and every session of
 * the user ends, so the new role holds from their very next request.
 */
export async function changeSiteRole(
  prisma: PrismaClient,
  actor: Actor,
  input: { userId: string; siteRole: "researcher" | "reviewer" | "admin"; reason: string },
  clock: Clock,
) {
  const user = await loadUserResource(prisma, input.userId);
  assertCan(actor, "user:change-role", user);
  if (user.siteRole === input.siteRole) return { changed: false };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { siteRole: input.siteRole } });
    await tx.auditRecord.create({
      data: { actorId: (actor as SignedIn).id, subjectId: user.id, action: "site_role.change", before: user.siteRole, after: input.siteRole, reason: input.reason, createdAt: clock.now() },
    });
    await revokeAllSessions(tx, user.id, "site role changed", clock);
  });
  log.info("admin.site_role_changed", { actorId: (actor as SignedIn).id, userId: user.id, from: user.siteRole, to: input.siteRole });
  return { changed: true };
}

/** Suspends (ending every session at once) or restores an account. */
export async function setSuspended(
  prisma: PrismaClient,
  actor: Actor,
  input: { userId: string; suspended: boolean; reason: string },
  clock: Clock,
) {
  const user = await loadUserResource(prisma, input.userId);
  assertCan(actor, "user:suspend", user);
  if (user.suspended === input.suspended) return { changed: false };
  await prisma.$transaction((tx) => writeSuspension(tx, actor as SignedIn, user, input, clock));
  log.info(input.suspended ? "admin.suspended" : "admin.restored", { actorId: (actor as SignedIn).id, userId: user.id });
  return { changed: true };
}

/**
 * The suspension (or restore) itself, with its audit record and the end of the user's sessions, inside the caller's
 * transaction: a moderation decision that suspends an author writes it together with its own record. The caller has
 * checked "user:suspend".
 */
export async function writeSuspension(
  tx: Prisma.TransactionClient,
  actor: SignedIn,
  user: UserResource,
  input: { suspended: boolean; reason: string },
  clock: Clock,
): Promise<void> {
  await tx.user.update({ where: { id: user.id }, data: { status: input.suspended ? "suspended" : "active" } });
  await tx.auditRecord.create({
    data: {
      actorId: actor.id,
      subjectId: user.id,
      action: input.suspended ? "account.suspend" : "account.restore",
      before: user.suspended ? "suspended" : "active",
      after: input.suspended ? "suspended" : "active",
      reason: input.reason,
      createdAt: clock.now(),
    },
  });
  if (input.suspended) await revokeAllSessions(tx, user.id, "suspended", clock);
}
