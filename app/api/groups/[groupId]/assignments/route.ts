import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createAssignment } from "@/lib/teaching/assignment-operations";
import { getAssignment, listAssignments } from "@/lib/teaching/assignment-queries";
import { ZCreateAssignment } from "@/lib/teaching/assignment-schemas";

type Context = { params: Promise<{ groupId: string }> };

export const GET = apiRoute(async (_request, { params }: Context) => {
  const { groupId } = await params;
  const list = await listAssignments(prisma(), await currentActor(), groupId, systemClock);
  return Response.json({ assignments: list.assignments, mayCreate: list.mayCreate }, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = apiRoute(async (request, { params }: Context) => {
  const { groupId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZCreateAssignment);
  const { id } = await createAssignment(prisma(), actor, groupId, input);
  return Response.json(await getAssignment(prisma(), actor, id, systemClock), { status: 201, headers: { Location: `/api/assignments/${id}` } });
});
