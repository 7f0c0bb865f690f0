import { ZSignUp } from "@/lib/auth/account-schemas";
import { assertSignUpAllowed } from "@/lib/auth/limit-sign-up";
import { SIGN_UP_ANSWER, signUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/prisma";
import { apiRoute, appOrigin } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";

/** The same answer for a new and a registered address (202 "check your email"); the mail says what happened. */
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, ZSignUp);
  await assertSignUpAllowed(request);
  const { outcome, userId } = await signUp(prisma(), input, appOrigin() ?? new URL(request.url).origin);
  log.info("auth.sign_up", { outcome, userId: userId || null });
  return Response.json({ ok: true, message: SIGN_UP_ANSWER }, { status: 202 });
});
