import { ZDeleteAccount } from "@/lib/accounts/account-schemas";
import { deleteAccount } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const DELETE = apiRoute(async (request) => {
  const actor = await currentSessionActor();
  const { notes } = await readJsonBody(request, ZDeleteAccount);
  await deleteAccount(prisma(), actor, notes, systemClock);
  return Response.json({ ok: true });
});
