import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { revokeInvite } from "@/lib/groups/group-operations";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ groupId: string; inviteId: string }> }) => {
  const { groupId, inviteId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(inviteId)) throw notFound();
  await revokeInvite(prisma(), await currentActor(), groupId, inviteId, systemClock);
  return Response.json({ ok: true });
});
