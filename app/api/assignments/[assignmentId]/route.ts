import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { updateAssignment } from "@/lib/teaching/assignment-operations";
import { getAssignment } from "@/lib/teaching/assignment-queries";
import { assignmentJson } from "@/lib/teaching/assignment-view";
import { GET_ASSIGNMENT, UPDATE_ASSIGNMENT } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(GET_ASSIGNMENT, async ({ actor, params }) => ({
  status: 200,
  body: assignmentJson(await getAssignment(prisma(), actor, params.assignmentId, systemClock)),
  headers: { "Cache-Control": "private, no-store" },
}));

/** An edit, and/or a change of state: { "state": "published" | "closed" }; answers the assignment as it now is. */
export const PATCH = endpoint(UPDATE_ASSIGNMENT, async ({ actor, params, body }) => {
  await updateAssignment(prisma(), actor, { ...body, assignmentId: params.assignmentId });
  return { status: 200, body: assignmentJson(await getAssignment(prisma(), actor, params.assignmentId, systemClock)) };
});
