import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { changeMemberRole, removeMember } from "@/lib/groups/group-operations";
import { ZChangeMemberRole } from "@/lib/groups/group-schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { assertRowId } from "@/lib/db/row-id";

type Context = { params: Promise<{ groupId: string; userId: string }> };

async function ids(context: Context) {
  const { groupId, userId } = await context.params;
  assertRowId(userId);
  return { groupId, userId };
}

export const PATCH = apiRoute(async (request, context: Context) => {
  const { groupId, userId } = await ids(context);
  const actor = await currentActor();
  const { role } = await readJsonBody(request, ZChangeMemberRole);
  await changeMemberRole(prisma(), actor, groupId, userId, role);
  return Response.json({ ok: true });
});

export const DELETE = apiRoute(async (_request, context: Context) => {
  const { groupId, userId } = await ids(context);
  await removeMember(prisma(), await currentActor(), groupId, userId);
  return Response.json({ ok: true });
});
