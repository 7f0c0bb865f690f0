import type { PrismaClient } from "../db/create-prisma-client";
import { verifyAgainstDummy, verifyPassword } from "./password/hash-password";

/**
 * The user with this email and password, or null. An unknown email, a wrong password, an unconfirmed, suspended or
 * deleted account give the same answer after the same work (an argon2 verification each), so answers reveal no accounts.
 */
export async function verifyCredentials(prisma: PrismaClient, email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, displayName: true, passwordHash: true, status: true, deletedAt: true, emailConfirmedAt: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(password);
    return null;
  }
  const matches = await verifyPassword(user.passwordHash, password);
  // An account whose address was never confirmed cannot sign in with its password (sign-up must not tell who is
  // registered, so it may not hand out usable accounts either: lib/auth/sign-up.ts).
  if (!matches || user.status !== "active" || user.deletedAt || !user.emailConfirmedAt) return null;
  return { id: user.id, displayName: user.displayName };
}
