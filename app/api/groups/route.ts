import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { createGroup } from "@/lib/groups/group-operations";
import { ZCreateGroup } from "@/lib/groups/group-schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request) => {
  const actor = await currentActor();
  const input = await readJsonBody(request, ZCreateGroup);
  const group = await createGroup(prisma(), actor, input);
  return Response.json({ id: group.id }, { status: 201 });
});
