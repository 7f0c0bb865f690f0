import { z } from "zod";

export const ZRubricScore = z.strictObject({ criterion: z.string(), points: z.number() });
export const ZGradeView = z.strictObject({
  studentId: z.uuid(),
  points: z.number(),
  rubricScores: z.array(ZRubricScore),
  comment: z.string().nullable(),
  updatedAt: z.iso.datetime(),
}).meta({ id: "Grade" });
export type GradeView = z.input<typeof ZGradeView>;

type GradeRow = { studentId: string; points: number; rubricScores: unknown; comment: string | null; updatedAt: Date };

/** A grade as its readers get it (who grades is the teachers' business, not part of the view). */
export function gradeViewOf(grade: GradeRow): GradeView {
  const scores = Array.isArray(grade.rubricScores) ? grade.rubricScores : [];
  return {
    studentId: grade.studentId,
    points: grade.points,
    rubricScores: scores
      .filter((score): score is { criterion: string; points: number } => typeof score?.criterion === "string" && typeof score?.points === "number")
      .map(({ criterion, points }) => ({ criterion, points })),
    comment: grade.comment,
    updatedAt: grade.updatedAt.toISOString(),
  };
}
