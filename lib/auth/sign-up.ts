import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";
import { hashPassword } from "./password/hash-password";
import { passwordProblems } from "./password/password-policy";
import type { TSignUp } from "./account-schemas";

const emailTaken = () =>
  new AppError("conflict", "An account with this email address exists", {
    fields: { email: ["An account with this email address exists; sign in or reset its password."] },
  });

/** Creates a researcher account. New accounts get the default site role; nobody chooses their own. */
export async function signUp(prisma: PrismaClient, input: TSignUp): Promise<{ userId: string }> {
  const problems = passwordProblems(input.password, { email: input.email, displayName: input.displayName });
  if (problems.length) throw new AppError("bad_request", "Choose another password", { fields: { password: problems } });
  const taken = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({ data: { email: input.email, displayName: input.displayName, passwordHash } });
    return { userId: user.id };
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides, and the loser hears the usual answer.
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}
