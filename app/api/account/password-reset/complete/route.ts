import { ZCompletePasswordReset } from "@/lib/accounts/account-schemas";
import { completePasswordReset } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, ZCompletePasswordReset);
  await completePasswordReset(prisma(), input, systemClock);
  return Response.json({ ok: true });
});
