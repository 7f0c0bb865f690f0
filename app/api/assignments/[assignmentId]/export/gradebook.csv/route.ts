import { systemClock } from "@/lib/auth/clock";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { downloadResponse } from "@/lib/teaching/download-response";
import { gradebookCsv } from "@/lib/teaching/exports";
import { EXPORT_GRADEBOOK } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(EXPORT_GRADEBOOK, async ({ actor, params }) => {
  const { csv, fileName } = await gradebookCsv(prisma(), actor, params.assignmentId, systemClock);
  return downloadResponse(csv, fileName, "text/csv; charset=utf-8");
});
