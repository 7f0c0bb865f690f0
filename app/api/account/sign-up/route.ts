import { SIGN_UP } from "@/lib/accounts/account-endpoints";
import { SIGN_UP_ANSWER, signUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/prisma";
import { appOrigin } from "@/lib/http/api-route";
import { endpoint } from "@/lib/http/endpoint";
import { requestClientAddress } from "@/lib/http/request-client-address";

/** The same answer for a new and a registered address (202 "check your email"); the mail says what happened. */
export const POST = endpoint(SIGN_UP, async ({ request, actor, body }) => {
  await signUp(prisma(), actor, { ...body, siteUrl: appOrigin() ?? new URL(request.url).origin }, { clientAddress: requestClientAddress(request) });
  return { status: 202, body: { message: SIGN_UP_ANSWER } };
});
