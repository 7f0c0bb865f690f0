import type { PrismaClient } from "../db/create-prisma-client";
import type { WorkItem } from "./requirements";

type Row = { assignmentId: string; kind: "note" | "reply"; referenceType: string; createdAt: Date };

/**
 * One student's live work on some assignments, by assignment: notes opening a thread for the assignment in its class,
 * and replies in those threads to a classmate's note (as the teacher's table counts them, progress-queries.ts).
 */
export async function studentWork(prisma: PrismaClient, studentId: string, assignments: { id: string; groupId: string }[]) {
  const byAssignment = new Map<string, WorkItem[]>(assignments.map((assignment) => [assignment.id, []]));
  if (assignments.length === 0) return byAssignment;
  const ids = assignments.map((assignment) => assignment.id);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT n."assignmentId", 'note' AS kind, n."referenceType"::text AS "referenceType", n."createdAt"
    FROM "Note" n JOIN "Assignment" a ON a.id = n."assignmentId"
    WHERE n."assignmentId" = ANY(${ids}::uuid[]) AND n."authorId" = ${studentId}::uuid AND n."threadId" IS NULL
      AND n."deletedAt" IS NULL AND n.visibility = 'group' AND n."groupId" = a."groupId"
    UNION ALL
    SELECT t."assignmentId", 'reply' AS kind, r."referenceType"::text, r."createdAt"
    FROM "Note" t JOIN "Note" r ON r."threadId" = t.id JOIN "Assignment" a ON a.id = t."assignmentId"
    WHERE t."assignmentId" = ANY(${ids}::uuid[]) AND t."threadId" IS NULL AND t."groupId" = a."groupId"
      AND r."authorId" = ${studentId}::uuid AND r."deletedAt" IS NULL AND r.visibility = 'group' AND r."groupId" = a."groupId"
      AND t."authorId" <> r."authorId"`;
  for (const row of rows) {
    byAssignment
      .get(row.assignmentId)
      ?.push(row.kind === "note" ? { kind: "note", createdAt: row.createdAt, referenceType: row.referenceType } : { kind: "reply", createdAt: row.createdAt });
  }
  return byAssignment;
}
