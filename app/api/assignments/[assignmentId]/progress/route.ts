import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { getAssignmentProgress } from "@/lib/teaching/progress-queries";
import { progressTableView, ZProgressTable } from "@/lib/teaching/progress-view";

type Context = { params: Promise<{ assignmentId: string }> };

/** The teacher's table: one row per student of the class (its teachers only; 404 for everyone else). */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { assignmentId } = await params;
  const table = await getAssignmentProgress(prisma(), await currentActor(), assignmentId, systemClock);
  return jsonResponse(ZProgressTable, progressTableView(table), { headers: { "Cache-Control": "private, no-store" } });
});
