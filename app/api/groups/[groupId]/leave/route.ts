import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { leaveGroup } from "@/lib/groups/group-operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(async (_request, { params }: { params: Promise<{ groupId: string }> }) => {
  const { groupId } = await params;
  await leaveGroup(prisma(), await currentActor(), groupId);
  return Response.json({ ok: true });
});
