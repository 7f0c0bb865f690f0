import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateAssignment } from "@/lib/teaching/assignment-operations";
import { getAssignment } from "@/lib/teaching/assignment-queries";
import { ZUpdateAssignment } from "@/lib/teaching/assignment-schemas";

type Context = { params: Promise<{ assignmentId: string }> };

export const GET = apiRoute(async (_request, { params }: Context) => {
  const { assignmentId } = await params;
  const assignment = await getAssignment(prisma(), await currentActor(), assignmentId, systemClock);
  return Response.json(assignment, { headers: { "Cache-Control": "private, no-store" } });
});

/** An edit, and/or a change of state: { "state": "published" | "closed" }. */
export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { assignmentId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZUpdateAssignment);
  await updateAssignment(prisma(), actor, assignmentId, input);
  return Response.json(await getAssignment(prisma(), actor, assignmentId, systemClock));
});
