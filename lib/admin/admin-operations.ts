import { z } from "zod";
import type { Actor } from "../authz/actor";
import type { UserResource } from "../authz/resources";
import type { Prisma } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { revokeAllSessions } from "../auth/sessions";
import { AppError } from "../errors/app-error";
import { writeAudit, type AuditEntry } from "../operations/audit";
import { check, defineOperation } from "../operations/define-operation";
import { ZAdminChange, ZChangeSiteRole, ZSetSuspended } from "./admin-schemas";
import { loadUserResource } from "./load-user";

// Any string: an id that cannot name a row is "not found" (loadUserResource), as for a row that does not exist.
const ZUserTarget = z.strictObject({ userId: z.string() });

/**
 * Changes a site role. The audit record is written in the same transaction as the change, and every session of
 * the user ends, so the new role holds from their very next request. The role the user already has is no change.
 */
export const changeSiteRole = defineOperation({
  name: "site_role.change",
  input: ZChangeSiteRole.extend(ZUserTarget.shape),
  output: ZAdminChange,
  load: (db, _actor, input) => loadUserResource(db, input.userId),
  authorise: ({ loaded }) => check("user:change-role", loaded),
  run: async (tx, { input, loaded, clock }) => {
    if (loaded.siteRole === input.siteRole) return { changed: false };
    // Conditional on the role decided on: two admins changing it at once cannot both write (and record a wrong "before").
    const { count } = await tx.user.updateMany({ where: { id: loaded.id, siteRole: loaded.siteRole }, data: { siteRole: input.siteRole } });
    if (count === 0) throw new AppError("conflict", "This account's role changed meanwhile; reload and try again");
    await revokeAllSessions(tx, loaded.id, "site role changed", clock);
    return { changed: true };
  },
  audit: ({ input, loaded, result }) =>
    result.changed ? { action: "site_role.change", subjectId: loaded.id, before: loaded.siteRole, after: input.siteRole, reason: input.reason } : null,
});

/** Suspends (ending every session at once) or restores an account; the state it already has is no change. */
export const setSuspended = defineOperation({
  name: "account.suspension",
  input: ZSetSuspended.extend(ZUserTarget.shape),
  output: ZAdminChange,
  load: (db, _actor, input) => loadUserResource(db, input.userId),
  authorise: ({ loaded }) => check("user:suspend", loaded),
  run: async (tx, { input, loaded, clock }) => {
    if (loaded.suspended === input.suspended) return { changed: false };
    await applySuspension(tx, loaded, input.suspended, clock);
    return { changed: true };
  },
  audit: ({ input, loaded, result }) => (result.changed ? suspensionAudit(loaded, input) : null),
});

async function applySuspension(tx: Prisma.TransactionClient, user: UserResource, suspended: boolean, clock: Clock): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id: user.id, status: user.suspended ? "suspended" : "active" }, data: { status: suspended ? "suspended" : "active" } });
  if (count === 0) throw new AppError("conflict", "This account was suspended or restored meanwhile; reload and try again");
  if (suspended) await revokeAllSessions(tx, user.id, "suspended", clock);
}

function suspensionAudit(user: UserResource, input: { suspended: boolean; reason: string }): AuditEntry {
  return {
    action: input.suspended ? "account.suspend" : "account.restore",
    subjectId: user.id,
    before: user.suspended ? "suspended" : "active",
    after: input.suspended ? "suspended" : "active",
    reason: input.reason,
  };
}

/**
 * The suspension (or restore) with its audit record, inside the caller's transaction: a moderation decision that
 * suspends an author writes it together with its own record. The caller has checked "user:suspend".
 */
export async function writeSuspension(
  tx: Prisma.TransactionClient,
  actor: Extract<Actor, { kind: "user" }>,
  user: UserResource,
  input: { suspended: boolean; reason: string },
  clock: Clock,
): Promise<void> {
  await applySuspension(tx, user, input.suspended, clock);
  await writeAudit(tx, actor, suspensionAudit(user, input), clock.now());
}
