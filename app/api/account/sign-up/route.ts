import { ZSignUp } from "@/lib/auth/account-schemas";
import { assertSignUpAllowed } from "@/lib/auth/limit-sign-up";
import { signUp } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";

export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, ZSignUp);
  await assertSignUpAllowed(request);
  const { userId } = await signUp(prisma(), input);
  log.info("auth.sign_up", { userId });
  return Response.json({ userId }, { status: 201 });
});
