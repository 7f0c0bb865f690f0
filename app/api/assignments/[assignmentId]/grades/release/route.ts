import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { releaseGrades } from "@/lib/teaching/grade-operations";
import { RELEASE_GRADES } from "@/lib/teaching/teaching-endpoints";

export const POST = endpoint(RELEASE_GRADES, async ({ actor, params }) => ({
  status: 200,
  body: await releaseGrades(prisma(), actor, { assignmentId: params.assignmentId }),
}));
