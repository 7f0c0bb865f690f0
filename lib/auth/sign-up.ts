import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import { queueMail } from "../mail/mail-queue";
import { check, defineOperation, type Operation } from "../operations/define-operation";
import { ZDisplayName, ZEmail } from "./account-schemas";
import { hashPassword } from "./password/hash-password";
import { passwordProblems } from "./password/password-policy";

const CONFIRMATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const SITE = { type: "site" } as const;

/** What the sign-up route says whatever happened, so that it never tells whether an address is registered. */
export const SIGN_UP_ANSWER = "Check your email: we sent a message to this address saying what to do next.";

/** The site's address, for the links in the mail (the route passes its own origin). */
export const ZSiteUrl = z.url().transform((url) => url.replace(/\/$/, ""));

/**
 * The operation's input: the password is checked by the operation itself (with the email and name as context), so
 * that a direct caller gets the same field message as the route's schema gives (an AppError, not a ZodError).
 */
const ZSignUpInput = z.strictObject({
  email: ZEmail,
  displayName: ZDisplayName,
  password: z.string(),
  siteUrl: ZSiteUrl,
});

/** What happened, for logs and tests; the route never shows it (userId null: a concurrent sign-up won the address). */
const ZSignUpOutcome = z.strictObject({ outcome: z.enum(["created", "exists"]), userId: ZRowId.nullable() });

type Existing = { id: string; emailConfirmedAt: Date | null } | null;

/**
 * A sign-up. Its answer is the same whether the address is new or taken, and so is its work (one lookup, one
 * argon2 hash, one transaction that queues one mail); only the mail says what happened:
 * - a new address (or one whose account was never confirmed): the account is created (or its details replaced,
 *   since nobody has proved the address yet) with the default site role, and a link to confirm it is mailed;
 *   password sign-in works once the link is used;
 * - an address with a confirmed account: nothing changes; the mail says an account exists and how to sign in or
 *   reset the password.
 * Counted against the client's address (20 an hour). Not audited: nobody is signed in, and the mail is the record.
 */
const signUpOnce = defineOperation({
  name: "account.sign-up",
  input: ZSignUpInput,
  output: ZSignUpOutcome,
  limit: "sign-ups",
  load: async (db, _actor, input) => {
    // Refused before the lookup and the slow hash: nothing about the address is learnt from a refusal.
    const problems = passwordProblems(input.password, { email: input.email, displayName: input.displayName });
    if (problems.length) throw new AppError("bad_request", "Choose another password", { fields: { password: problems } });
    const existing: Existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, emailConfirmedAt: true } });
    // Hashed on both paths, so that a registered address takes as long as a new one.
    return { existing, passwordHash: await hashPassword(input.password) };
  },
  authorise: () => check("account:sign-up", SITE),
  run: async (tx, { input, loaded: { existing, passwordHash }, now }) => {
    const base = input.siteUrl;
    if (existing?.emailConfirmedAt) {
      await queueMail(
        tx,
        [
          {
            to: input.email,
            subject: "You already have a Marginalia account",
            text: `Someone tried to create a Marginalia account with this address, which already has one.\n\nTo sign in: ${base}/sign-in\nForgot the password? ${base}/forgot-password\n\nIf it was not you, ignore this message; nothing has changed.`,
          },
        ],
        "sign-up",
      );
      return { outcome: "exists" as const, userId: existing.id };
    }
    const token = randomBytes(32).toString("base64url");
    const data = { email: input.email, displayName: input.displayName, passwordHash, emailConfirmedAt: null };
    const user = existing ? await tx.user.update({ where: { id: existing.id }, data }) : await tx.user.create({ data });
    const confirmation = { tokenHash: sha256(token), expiresAt: new Date(now.getTime() + CONFIRMATION_LIFETIME_MS) };
    await tx.signUpConfirmation.upsert({ where: { userId: user.id }, create: { userId: user.id, ...confirmation }, update: confirmation });
    await queueMail(
      tx,
      [
        {
          to: input.email,
          subject: "Confirm your Marginalia account",
          text: `Welcome to Marginalia, ${input.displayName}.\n\nTo confirm this address and start annotating, open this link within a day:\n${base}/sign-up/confirm/${token}\n\nIf it was not you, ignore this message; the account is not usable until the link is opened.`,
        },
      ],
      "sign-up",
    );
    return { outcome: "created" as const, userId: user.id };
  },
});

/**
 * Two sign-ups with one address at once: the unique index decides, and the loser's transaction fails on it. Its
 * answer is the same as ever ("exists"), never a 500 (a failed statement ends a PostgreSQL transaction, so this is
 * caught outside it).
 */
export const signUp: Operation<typeof ZSignUpInput, typeof ZSignUpOutcome> = Object.assign(
  async (...args: Parameters<typeof signUpOnce>) => {
    try {
      return await signUpOnce(...args);
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return { outcome: "exists" as const, userId: null };
      throw error;
    }
  },
  { operation: signUpOnce.operation },
);

export const ZConfirmSignUp = z.strictObject({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, "Not a confirmation token") });
export const ZSignUpConfirmed = z.strictObject({ userId: ZRowId }).meta({ id: "SignUpConfirmed" });

const expiredLink = () => notFound("This confirmation link is unknown, used or expired; sign up again for a new one");

/** Confirms an account's address from the mailed link (once); the account can then sign in with its password. */
export const confirmSignUp = defineOperation({
  name: "account.confirm-sign-up",
  input: ZConfirmSignUp,
  output: ZSignUpConfirmed,
  load: async (db, _actor, input, { now }) => {
    const confirmation = await db.signUpConfirmation.findUnique({ where: { tokenHash: sha256(input.token) } });
    if (!confirmation || confirmation.expiresAt <= now) throw expiredLink();
    return confirmation;
  },
  authorise: () => check("account:sign-up", SITE),
  run: async (tx, { loaded, now }) => {
    // Conditional on the link still being there: of two confirmations at once, the second is "used", not a 500.
    const { count } = await tx.signUpConfirmation.deleteMany({ where: { id: loaded.id } });
    if (count === 0) throw expiredLink();
    await tx.user.update({ where: { id: loaded.userId }, data: { emailConfirmedAt: now } });
    return { userId: loaded.userId };
  },
});
