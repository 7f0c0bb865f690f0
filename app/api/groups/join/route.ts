import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { joinGroup } from "@/lib/groups/group-operations";
import { ZJoinGroup } from "@/lib/groups/group-schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request) => {
  const actor = await currentActor();
  const { code } = await readJsonBody(request, ZJoinGroup);
  return Response.json(await joinGroup(prisma(), actor, code, systemClock));
});
