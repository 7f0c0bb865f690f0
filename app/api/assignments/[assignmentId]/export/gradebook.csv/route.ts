import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { downloadResponse } from "@/lib/teaching/download-response";
import { gradebookCsv } from "@/lib/teaching/exports";

type Context = { params: Promise<{ assignmentId: string }> };

/** The gradebook as CSV: one row per student (the class's teachers only; 404 for everyone else). */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { assignmentId } = await params;
  const { csv, fileName } = await gradebookCsv(prisma(), await currentActor(), assignmentId, systemClock);
  return downloadResponse(csv, fileName, "text/csv; charset=utf-8");
});
