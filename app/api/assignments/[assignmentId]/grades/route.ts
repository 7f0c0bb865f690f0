import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { listGrades, putGrade } from "@/lib/teaching/grade-operations";
import { ZGradeInput } from "@/lib/teaching/grade-schemas";
import { ZGradeView } from "@/lib/teaching/grade-view";

type Context = { params: Promise<{ assignmentId: string }> };
const ZGradeList = z.strictObject({ grades: z.array(ZGradeView) });

/** Every grade for the class's teachers; a student's own once released; 404 when there is nothing they may read. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { assignmentId } = await params;
  const grades = await listGrades(prisma(), await currentActor(), assignmentId);
  return jsonResponse(ZGradeList, { grades }, { headers: { "Cache-Control": "private, no-store" } });
});

/** Sets one student's grade: { studentId, points?, rubricScores?, comment? }. */
export const PUT = apiRoute(async (request, { params }: Context) => {
  const { assignmentId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZGradeInput);
  return jsonResponse(ZGradeView, await putGrade(prisma(), actor, assignmentId, input));
});
