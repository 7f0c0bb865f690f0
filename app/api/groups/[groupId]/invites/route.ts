import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { createInvite } from "@/lib/groups/group-operations";
import { ZCreateInvite } from "@/lib/groups/group-schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute(async (request, { params }: { params: Promise<{ groupId: string }> }) => {
  const { groupId } = await params;
  const actor = await currentActor();
  const { expiresInDays } = await readJsonBody(request, ZCreateInvite);
  const invite = await createInvite(prisma(), actor, groupId, expiresInDays, systemClock);
  return Response.json({ id: invite.id, code: invite.code, expiresAt: invite.expiresAt }, { status: 201 });
});
