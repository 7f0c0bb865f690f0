import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { createAssignment } from "@/lib/teaching/assignment-operations";
import { getAssignment, listAssignments } from "@/lib/teaching/assignment-queries";
import { assignmentJson, assignmentListJson } from "@/lib/teaching/assignment-view";
import { CREATE_ASSIGNMENT, LIST_ASSIGNMENTS } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(LIST_ASSIGNMENTS, async ({ actor, params }) => ({
  status: 200,
  body: assignmentListJson(await listAssignments(prisma(), actor, params.groupId, systemClock)),
  headers: { "Cache-Control": "private, no-store" },
}));

export const POST = endpoint(CREATE_ASSIGNMENT, async ({ actor, params, body }) => {
  const { id } = await createAssignment(prisma(), actor, { ...body, groupId: params.groupId });
  return { status: 201, body: assignmentJson(await getAssignment(prisma(), actor, id, systemClock)), headers: { Location: `/api/assignments/${id}` } };
});
