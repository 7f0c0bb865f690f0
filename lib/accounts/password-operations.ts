import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../auth/password/hash-password";
import { passwordProblems } from "../auth/password/password-policy";
import { revokeAllSessions } from "../auth/sessions";
import { ZSiteUrl } from "../auth/sign-up";
import { AppError, notFound } from "../errors/app-error";
import { queueMail } from "../mail/mail-queue";
import { check, defineOperation } from "../operations/define-operation";
import { ZMailSent, ZPasswordSet } from "./account-schemas";
import { selfUser } from "./self-user";

const RESET_LIFETIME_MS = 60 * 60 * 1000;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const SITE = { type: "site" } as const;
/** A user id no row has: the unknown-address path runs the same statements as the known one. */
const NO_USER = "00000000-0000-0000-0000-000000000000";

export const PASSWORD_RESET_ANSWER = "If an account uses this address, a reset link is on its way.";

// The new password is checked by the operations (with the account's email and name as context), so a direct caller
// gets the field message as an AppError too; the routes' body schemas refuse the same passwords first.
const ZTypedPassword = z.string().max(4096);

/** Needs the current password; ends the user's other sessions, keeps this one. */
export const changePassword = defineOperation({
  name: "account.change-password",
  input: z.strictObject({ currentPassword: z.string().max(4096), newPassword: ZTypedPassword }),
  output: ZPasswordSet,
  load: async (db, actor, input) => {
    const self = selfUser(actor);
    if (actor.kind !== "user") return { self, matches: false, problems: [], newHash: null };
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, email: true, displayName: true } });
    const matches = !!row.passwordHash && (await verifyPassword(row.passwordHash, input.currentPassword));
    const problems = passwordProblems(input.newPassword, { email: row.email ?? undefined, displayName: row.displayName });
    // Hashed only when the change will happen: argon2 is slow on purpose.
    const newHash = matches && !problems.length ? await hashPassword(input.newPassword) : null;
    return { self, matches, problems, newHash };
  },
  authorise: ({ loaded }) => check("account:manage", loaded.self),
  refuse: ({ loaded }) => {
    if (!loaded.matches) return new AppError("bad_request", "Invalid input", { fields: { currentPassword: ["This is not your current password"] } });
    if (loaded.problems.length) return new AppError("bad_request", "Invalid input", { fields: { newPassword: loaded.problems } });
    return null;
  },
  run: async (tx, { actor, loaded, clock, now }) => {
    const user = actor as Extract<typeof actor, { kind: "user" }>;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: loaded.newHash } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const sessionsEnded = await revokeAllSessions(tx, user.id, "password changed", clock, { except: user.sessionId ?? undefined });
    return { sessionsEnded };
  },
});

/**
 * Always answers the same way, known address or not, and does the same work either way (one lookup, one
 * transaction that ends earlier links and queues one mail), so neither the answer nor its timing says whether an
 * account uses the address. A known, active account gets a single-use link valid for an hour (only the token's hash
 * is stored); an unknown address is told that no account uses it, so the person who asked learns what happened.
 * Counted per address asked for (3 an hour) and per client (20 an hour).
 */
export const requestPasswordReset = defineOperation({
  name: "account.request-password-reset",
  input: z.strictObject({ email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address").max(254)), siteUrl: ZSiteUrl }),
  output: ZMailSent,
  limit: "password-resets",
  limitKey: (input) => input.email,
  load: async (db, _actor, input) => {
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, status: true, deletedAt: true } });
    return { userId: user && !user.deletedAt && user.status === "active" ? user.id : null };
  },
  authorise: () => check("account:reset-password", SITE),
  run: async (tx, { input, loaded: { userId }, now }) => {
    const token = randomBytes(32).toString("base64url");
    // One live link per account: a new one ends the ones sent before (they answer "unknown, used or expired").
    await tx.passwordResetToken.updateMany({ where: { userId: userId ?? NO_USER, usedAt: null }, data: { usedAt: now } });
    if (userId) {
      await tx.passwordResetToken.create({ data: { userId, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) } });
    }
    await queueMail(
      tx,
      [
        userId
          ? {
              to: input.email,
              subject: "Reset your Marginalia password",
              text: `Someone asked to reset the password of your Marginalia account.\n\nTo choose a new password, open this link within an hour:\n${input.siteUrl}/reset-password/${token}\n\nIf it was not you, ignore this message; your password stays as it is.`,
            }
          : {
              to: input.email,
              subject: "Your Marginalia password reset request",
              text: `Someone asked to reset the password of a Marginalia account for this address, but no active account uses it.\n\nIf it was you, you may have signed up with another address, or you can create an account at ${input.siteUrl}/sign-up.\n\nIf it was not you, ignore this message.`,
            },
      ],
      "password-reset",
    );
    return { message: PASSWORD_RESET_ANSWER };
  },
});

const deadLink = () => notFound("This reset link is unknown, used or expired; ask for a new one");

/** Sets a new password from a reset link; the link works once, and every session of the account ends. */
export const completePasswordReset = defineOperation({
  name: "account.complete-password-reset",
  input: z.strictObject({ token: z.string().min(20).max(200), newPassword: ZTypedPassword }),
  output: ZPasswordSet,
  load: async (db, _actor, input, { now }) => {
    const record = await db.passwordResetToken.findUnique({ where: { tokenHash: sha256(input.token) }, include: { user: true } });
    if (!record || record.usedAt || record.expiresAt <= now || record.user.status !== "active" || record.user.deletedAt) throw deadLink();
    const problems = passwordProblems(input.newPassword, { email: record.user.email ?? undefined, displayName: record.user.displayName });
    const newHash = problems.length ? null : await hashPassword(input.newPassword);
    return { record, problems, newHash };
  },
  authorise: () => check("account:reset-password", SITE),
  refuse: ({ loaded }) => (loaded.problems.length ? new AppError("bad_request", "Invalid input", { fields: { newPassword: loaded.problems } }) : null),
  run: async (tx, { loaded: { record, newHash }, clock, now }) => {
    // Conditional on the link being unused: of two uses at once, exactly one sets the password.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw notFound("This reset link has just been used");
    // The link reached the address's owner: that confirms the address too (a sign-up whose link was lost).
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash: newHash, emailConfirmedAt: record.user.emailConfirmedAt ?? now } });
    // Any other link sent before this reset dies with it.
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
    return { sessionsEnded: await revokeAllSessions(tx, record.userId, "password reset", clock) };
  },
});
