import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";
import { hashPassword } from "./password/hash-password";
import { passwordProblems } from "./password/password-policy";
import type { TSignUp } from "./account-schemas";

/** Creates a researcher account. New accounts get the default site role; nobody chooses their own. */
export async function signUp(prisma: PrismaClient, input: TSignUp): Promise<{ userId: string }> {
  const problems = passwordProblems(input.password, { email: input.email, displayName: input.displayName });
  if (problems.length) throw new AppError("bad_request", "Choose another password", { fields: { password: problems } });
  const taken = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) {
    throw new AppError("conflict", "An account with this email address exists", {
      fields: { email: ["An account with this email address exists; sign in or reset its password."] },
    });
  }
  const user = await prisma.user.create({
    data: { email: input.email, displayName: input.displayName, passwordHash: await hashPassword(input.password) },
  });
  return { userId: user.id };
}
