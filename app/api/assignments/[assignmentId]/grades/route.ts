import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { listGrades, putGrade } from "@/lib/teaching/grade-operations";
import { LIST_GRADES, PUT_GRADE } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(LIST_GRADES, async ({ actor, params }) => ({
  status: 200,
  body: { grades: await listGrades(prisma(), actor, params.assignmentId) },
  headers: { "Cache-Control": "private, no-store" },
}));

export const PUT = endpoint(PUT_GRADE, async ({ actor, params, body }) => ({
  status: 200,
  body: await putGrade(prisma(), actor, { ...body, assignmentId: params.assignmentId }),
}));
