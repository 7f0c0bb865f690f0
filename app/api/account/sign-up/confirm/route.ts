import { CONFIRM_SIGN_UP } from "@/lib/accounts/account-endpoints";
import { confirmSignUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

/** Confirms a new account's address with the mailed token; a POST, so that link scanners opening the mail do not. */
export const POST = endpoint(CONFIRM_SIGN_UP, async ({ actor, body }) => ({
  status: 200,
  body: await confirmSignUp(prisma(), actor, body),
}));
