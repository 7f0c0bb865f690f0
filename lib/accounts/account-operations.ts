import { revokeAllAccessTokens } from "../tokens/token-operations";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, unauthenticated } from "../errors/app-error";
import type { Clock } from "../auth/clock";
import { hashPassword, verifyPassword } from "../auth/password/hash-password";
import { passwordProblems } from "../auth/password/password-policy";
import { revokeAllSessions, revokeSession } from "../auth/sessions";
import { queueMail } from "../mail/mail-queue";
import { log } from "../log";

type SignedIn = Extract<Actor, { kind: "user" }>;
const RESET_LIFETIME_MS = 60 * 60 * 1000;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function self(actor: Actor) {
  if (actor.kind !== "user") throw unauthenticated();
  const resource = { type: "user" as const, id: actor.id, siteRole: actor.siteRole, suspended: false };
  return { user: actor as SignedIn, resource };
}

export async function updateProfile(
  prisma: PrismaClient,
  actor: Actor,
  input: { displayName: string; affiliation?: string | null; bio?: string | null; orcid?: string | null; showAffiliation?: boolean; showOrcid?: boolean },
) {
  const { user, resource } = self(actor);
  assertCan(actor, "profile:update", resource);
  await prisma.user.update({
    where: { id: user.id },
    data: {
      displayName: input.displayName,
      affiliation: input.affiliation ?? null,
      bio: input.bio ?? null,
      orcid: input.orcid ?? null,
      showAffiliation: input.showAffiliation ?? false,
      showOrcid: input.showOrcid ?? false,
    },
  });
}

/** Needs the current password; ends the user's other sessions, keeps this one. */
export async function changePassword(prisma: PrismaClient, actor: Actor, input: { currentPassword: string; newPassword: string }, clock: Clock) {
  const { user, resource } = self(actor);
  assertCan(actor, "account:manage", resource);
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, email: true, displayName: true } });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("bad_request", "Invalid input", { fields: { currentPassword: ["This is not your current password"] } });
  }
  const problems = passwordProblems(input.newPassword, { email: row.email ?? undefined, displayName: row.displayName });
  if (problems.length) throw new AppError("bad_request", "Invalid input", { fields: { newPassword: problems } });
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await prisma.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: clock.now() } });
  await revokeAllSessions(prisma, user.id, "password changed", clock, { except: user.sessionId ?? undefined });
  log.info("account.password_changed", { userId: user.id });
}

/**
 * Always answers the same way, known address or not, and does the same work either way (one lookup, one
 * transaction that ends earlier links and queues one mail), so neither the answer nor its timing says whether an
 * account uses the address. A known, active account gets a single-use link valid for an hour (only the token's hash
 * is stored); an unknown address is told that no account uses it, so the person who asked learns what happened.
 */
export async function requestPasswordReset(prisma: PrismaClient, email: string, baseUrl: string, clock: Clock) {
  const address = email.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: address }, select: { id: true, status: true, deletedAt: true } });
  const usable = user && !user.deletedAt && user.status === "active";
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  const link = `${baseUrl.replace(/\/$/, "")}/reset-password/${token}`;
  await prisma.$transaction(async (tx) => {
    // One live link per account: a new one ends the ones sent before (they answer "unknown, used or expired").
    await tx.passwordResetToken.updateMany({ where: { userId: usable ? user.id : NO_USER, usedAt: null }, data: { usedAt: now } });
    if (usable) {
      await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) } });
    }
    await queueMail(
      tx,
      [
        usable
          ? {
              to: address,
              subject: "Reset your Marginalia password",
              text: `Someone asked to reset the password of your Marginalia account.\n\nTo choose a new password, open this link within an hour:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
            }
          : {
              to: address,
              subject: "Your Marginalia password reset request",
              text: `Someone asked to reset the password of a Marginalia account for this address, but no active account uses it.\n\nIf it was you, you may have signed up with another address, or you can create an account at ${baseUrl.replace(/\/$/, "")}/sign-up.\n\nIf it was not you, ignore this message.`,
            },
      ],
      "password-reset",
    );
  });
}

/** A user id no row has: the unknown-address path runs the same statements as the known one. */
const NO_USER = "00000000-0000-0000-0000-000000000000";

/** Sets a new password from a reset link; the link works once, and every session of the account ends. */
export async function completePasswordReset(prisma: PrismaClient, input: { token: string; newPassword: string }, clock: Clock) {
  const now = clock.now();
  const record = await prisma.passwordResetToken.findUnique({ where: { tokenHash: sha256(input.token) }, include: { user: true } });
  if (!record || record.usedAt || record.expiresAt <= now || record.user.status !== "active" || record.user.deletedAt) {
    throw new AppError("not_found", "This reset link is unknown, used or expired; ask for a new one");
  }
  const problems = passwordProblems(input.newPassword, { email: record.user.email ?? undefined, displayName: record.user.displayName });
  if (problems.length) throw new AppError("bad_request", "Invalid input", { fields: { newPassword: problems } });
  const claimed = await prisma.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count === 0) throw new AppError("not_found", "This reset link has just been used");
  // The link reached the address's owner: that confirms the address too (a sign-up whose link was lost).
  await prisma.user.update({
    where: { id: record.userId },
    data: { passwordHash: await hashPassword(input.newPassword), emailConfirmedAt: record.user.emailConfirmedAt ?? now },
  });
  // Any other link sent before this reset dies with it.
  await prisma.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
  await revokeAllSessions(prisma, record.userId, "password reset", clock);
  log.info("account.password_reset", { userId: record.userId });
}

export async function listSessions(prisma: PrismaClient, actor: Actor) {
  const { user } = self(actor);
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, revokedAt: null },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, method: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return sessions.map((session) => ({ ...session, current: session.id === user.sessionId }));
}

export async function signOutEverywhere(prisma: PrismaClient, actor: Actor, clock: Clock) {
  const { user, resource } = self(actor);
  assertCan(actor, "account:manage", resource);
  return revokeAllSessions(prisma, user.id, "signed out everywhere", clock);
}

export async function signOutSession(prisma: PrismaClient, actor: Actor, sessionId: string, clock: Clock) {
  const { user, resource } = self(actor);
  assertCan(actor, "account:manage", resource);
  const session = await prisma.session.findFirst({ where: { id: sessionId, userId: user.id }, select: { id: true } });
  if (!session) throw new AppError("not_found", "No such session");
  await revokeSession(prisma, session.id, "signed out from account page", clock);
}

/**
 * Deletes the account: the row stays, without email, password, name or profile, so that discussions keep their
 * shape and the audit log its references; every session ends and the address can sign up again. The choice about
 * notes is stored on the row (notesOnDeletion): no notes exist before the annotations capability, which deletes the
 * user's notes when "delete" was chosen and shows the rest as "deleted user".
 */
export async function deleteAccount(prisma: PrismaClient, actor: Actor, notes: "keep-as-deleted-user" | "delete", clock: Clock) {
  const { user, resource } = self(actor);
  assertCan(actor, "account:manage", resource);
  const owned = await prisma.membership.count({ where: { userId: user.id, role: "owner" } });
  if (owned) throw new AppError("conflict", `You own ${owned} group(s); transfer their ownership before deleting your account`);
  await prisma.$transaction(async (tx) => {
    await revokeAllSessions(tx, user.id, "account deleted", clock);
    await revokeAllAccessTokens(tx, user.id, clock);
    await tx.identity.deleteMany({ where: { userId: user.id } });
    await tx.membership.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: null,
        passwordHash: null,
        displayName: "deleted user",
        affiliation: null,
        orcid: null,
        bio: null,
        showAffiliation: false,
        showOrcid: false,
        deletedAt: clock.now(),
        notesOnDeletion: notes,
      },
    });
  });
  log.info("account.deleted", { userId: user.id, notes });
}
