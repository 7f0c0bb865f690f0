import { ZProfileUpdate } from "@/lib/accounts/account-schemas";
import { updateProfile } from "@/lib/accounts/account-operations";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const PATCH = apiRoute(async (request) => {
  const actor = await currentActor();
  const input = await readJsonBody(request, ZProfileUpdate);
  await updateProfile(prisma(), actor, input);
  return Response.json({ ok: true });
});
