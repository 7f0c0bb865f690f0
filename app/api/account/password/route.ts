import { ZChangePassword } from "@/lib/accounts/account-schemas";
import { changePassword } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request) => {
  const actor = await currentSessionActor();
  const input = await readJsonBody(request, ZChangePassword);
  await changePassword(prisma(), actor, input, systemClock);
  return Response.json({ ok: true });
});
