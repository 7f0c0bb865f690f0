import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";
import { queueMail } from "../mail/mail-queue";
import { hashPassword } from "./password/hash-password";
import { passwordProblems } from "./password/password-policy";
import type { TSignUp } from "./account-schemas";

const CONFIRMATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** What the sign-up route says whatever happened, so that it never tells whether an address is registered. */
export const SIGN_UP_ANSWER = "Check your email: we sent a message to this address saying what to do next.";

/**
 * A sign-up. Its answer is the same whether the address is new or taken, and so is its work (one lookup, one
 * argon2 hash, one transaction that queues one mail); only the mail says what happened:
 * - a new address (or one whose account was never confirmed): the account is created (or its details replaced,
 *   since nobody has proved the address yet) with the default site role, and a link to confirm it is mailed;
 *   password sign-in works once the link is used;
 * - an address with a confirmed account: nothing changes; the mail says an account exists and how to sign in or
 *   reset the password.
 * Returns what happened for logs and tests; the route never shows it.
 */
export async function signUp(
  prisma: PrismaClient,
  input: TSignUp,
  baseUrl: string,
  now = new Date(),
): Promise<{ outcome: "created" | "exists"; userId: string; token?: string }> {
  const problems = passwordProblems(input.password, { email: input.email, displayName: input.displayName });
  if (problems.length) throw new AppError("bad_request", "Choose another password", { fields: { password: problems } });
  const base = baseUrl.replace(/\/$/, "");
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, emailConfirmedAt: true } });
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString("base64url");
  if (existing?.emailConfirmedAt) {
    await prisma.$transaction((tx) =>
      queueMail(
        tx,
        [
          {
            to: input.email,
            subject: "You already have a Marginalia account",
            text: `Someone tried to create a Marginalia account with this address, which already has one.\n\nTo sign in: ${base}/sign-in\nForgot the password? ${base}/forgot-password\n\nIf it was not you, ignore this message; nothing has changed.`,
          },
        ],
        "sign-up",
      ),
    );
    return { outcome: "exists", userId: existing.id };
  }
  try {
    const userId = await prisma.$transaction(async (tx) => {
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
      return user.id;
    });
    return { outcome: "created", userId, token };
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides; the loser's answer is the same as ever.
    if ((error as { code?: string }).code === "P2002") return { outcome: "exists", userId: "" };
    throw error;
  }
}

/** Confirms an account's address from the mailed link (once); the account can then sign in with its password. */
export async function confirmSignUp(prisma: PrismaClient, token: string, now = new Date()): Promise<{ userId: string }> {
  const confirmation = await prisma.signUpConfirmation.findUnique({ where: { tokenHash: sha256(token) } });
  if (!confirmation || confirmation.expiresAt <= now) {
    throw new AppError("not_found", "This confirmation link is unknown, used or expired; sign up again for a new one");
  }
  await prisma.$transaction([
    prisma.user.update({ where: { id: confirmation.userId }, data: { emailConfirmedAt: now } }),
    prisma.signUpConfirmation.delete({ where: { id: confirmation.id } }),
  ]);
  return { userId: confirmation.userId };
}
