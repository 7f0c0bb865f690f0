import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { revokeInvite } from "@/lib/groups/group-operations";
import { apiRoute } from "@/lib/http/api-route";
import { assertRowId } from "@/lib/db/row-id";

export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ groupId: string; inviteId: string }> }) => {
  const { groupId, inviteId } = await params;
  assertRowId(inviteId);
  await revokeInvite(prisma(), await currentActor(), groupId, inviteId, systemClock);
  return Response.json({ ok: true });
});
