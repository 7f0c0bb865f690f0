import { ZRequestPasswordReset } from "@/lib/accounts/account-schemas";
import { requestPasswordReset } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { assertPasswordResetAllowed } from "@/lib/auth/limit-password-reset";
import { apiRoute, appOrigin } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

/** Answers the same whether or not the address has an account. */
export const POST = apiRoute(async (request) => {
  const { email } = await readJsonBody(request, ZRequestPasswordReset);
  await assertPasswordResetAllowed(request, email);
  await requestPasswordReset(prisma(), email, appOrigin() ?? new URL(request.url).origin, systemClock);
  return Response.json({ ok: true, message: "If an account uses this address, a reset link is on its way." }, { status: 202 });
});
