import { z } from "zod";
import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { releaseGrades } from "@/lib/teaching/grade-operations";

type Context = { params: Promise<{ assignmentId: string }> };

/** Releases the assignment's grades to their students (the class's teachers; the first release's instant is kept). */
export const POST = apiRoute(async (_request, { params }: Context) => {
  const { assignmentId } = await params;
  const released = await releaseGrades(prisma(), await currentActor(), assignmentId, systemClock);
  return jsonResponse(z.strictObject({ gradesReleasedAt: z.iso.datetime() }), released);
});
