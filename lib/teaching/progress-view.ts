import { z } from "zod";
import { ZGradeView } from "./grade-view";
import type { ProgressTable } from "./progress-queries";

const ZProgressRow = z.strictObject({
  student: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  notes: z.number().int(),
  replies: z.number().int(),
  words: z.number().int(),
  referenceTypes: z.array(z.string()),
  missingTypes: z.array(z.string()),
  requirementsMet: z.boolean(),
  status: z.enum(["not started", "in progress", "requirements met", "late"]),
  firstActivity: z.iso.datetime().nullable(),
  lastActivity: z.iso.datetime().nullable(),
  late: z.boolean(),
  grade: ZGradeView.nullable(),
});

/** GET /api/assignments/<id>/progress: the teacher's table. */
export const ZProgressTable = z.strictObject({
  assignment: z.strictObject({
    id: z.uuid(),
    title: z.string(),
    dueAt: z.iso.datetime(),
    maxPoints: z.number().int().nullable(),
    rubric: z.array(z.strictObject({ criterion: z.string(), points: z.number() })),
    gradesReleasedAt: z.iso.datetime().nullable(),
  }),
  students: z.array(ZProgressRow),
}).meta({ id: "ProgressTable" });

export function progressTableView({ assignment, rows }: ProgressTable): z.input<typeof ZProgressTable> {
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt.toISOString(),
      maxPoints: assignment.maxPoints,
      rubric: assignment.rubric,
      gradesReleasedAt: assignment.gradesReleasedAt?.toISOString() ?? null,
    },
    students: rows.map((row) => ({
      ...row,
      firstActivity: row.firstActivity?.toISOString() ?? null,
      lastActivity: row.lastActivity?.toISOString() ?? null,
    })),
  };
}
