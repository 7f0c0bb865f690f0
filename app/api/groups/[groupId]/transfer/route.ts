import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { transferOwnership } from "@/lib/groups/group-operations";
import { ZTransferOwnership } from "@/lib/groups/group-schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request, { params }: { params: Promise<{ groupId: string }> }) => {
  const { groupId } = await params;
  const actor = await currentActor();
  const { userId } = await readJsonBody(request, ZTransferOwnership);
  await transferOwnership(prisma(), actor, groupId, userId);
  return Response.json({ ok: true });
});
