import { changeSiteRole } from "@/lib/admin/admin-operations";
import { ZChangeSiteRole } from "@/lib/admin/admin-schemas";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const PUT = apiRoute(async (request, { params }: { params: Promise<{ userId: string }> }) => {
  const { userId } = await params;
  const actor = await currentSessionActor();
  const input = await readJsonBody(request, ZChangeSiteRole);
  return Response.json(await changeSiteRole(prisma(), actor, { userId, ...input }, systemClock));
});
