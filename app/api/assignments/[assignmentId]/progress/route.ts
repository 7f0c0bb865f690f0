import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { getAssignmentProgress } from "@/lib/teaching/progress-queries";
import { progressTableView } from "@/lib/teaching/progress-view";
import { GET_ASSIGNMENT_PROGRESS } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(GET_ASSIGNMENT_PROGRESS, async ({ actor, params }) => ({
  status: 200,
  body: progressTableView(await getAssignmentProgress(prisma(), actor, params.assignmentId, systemClock)),
  headers: { "Cache-Control": "private, no-store" },
}));
