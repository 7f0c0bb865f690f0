import { z } from "zod";

const ZPoints = z.number("A number of points").finite().min(0, "Zero or more points");

/** PUT …/grades: one student's grade. Points may be left out when every rubric criterion is scored (they add up). */
export const ZGradeInput = z.strictObject({
  studentId: z.uuid("Choose a student"),
  points: ZPoints.optional(),
  rubricScores: z
    .array(z.strictObject({ criterion: z.string().trim().min(1, "Name the criterion").max(200), points: ZPoints }))
    .max(50)
    .default([]),
  comment: z
    .string()
    .trim()
    .max(5_000, "At most 5,000 characters")
    .nullish()
    .transform((text) => (text ? text : null)),
});
export type TGradeInput = z.infer<typeof ZGradeInput>;

/** Field messages for a grade that does not fit its assignment: above the maximum, or a criterion over its points. */
export function gradeProblems(
  input: TGradeInput,
  assignment: { maxPoints: number | null; rubric: { criterion: string; points: number }[] },
): { points: number; problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const criteria = new Map(assignment.rubric.map((criterion) => [criterion.criterion, criterion.points]));
  const seen = new Set<string>();
  input.rubricScores.forEach((score, index) => {
    const available = criteria.get(score.criterion);
    if (available === undefined) problems[`rubricScores.${index}.criterion`] = ["Not a criterion of this assignment's rubric"];
    else if (seen.has(score.criterion)) problems[`rubricScores.${index}.criterion`] = ["This criterion is scored twice"];
    else if (score.points > available) problems[`rubricScores.${index}.points`] = [`At most ${available} points for “${score.criterion}”`];
    seen.add(score.criterion);
  });
  const rubricComplete = assignment.rubric.length > 0 && assignment.rubric.every((criterion) => seen.has(criterion.criterion));
  const points = input.points ?? (rubricComplete ? input.rubricScores.reduce((sum, score) => sum + score.points, 0) : undefined);
  if (assignment.maxPoints === null) problems.points = ["This assignment has no maximum points: set them before grading"];
  else if (points === undefined) problems.points = ["Give the points, or score every criterion of the rubric"];
  else if (points > assignment.maxPoints) problems.points = [`At most ${assignment.maxPoints} points`];
  return { points: points ?? 0, problems };
}
