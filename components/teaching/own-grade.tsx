import type { GradeView } from "@/lib/teaching/grade-view";

/** A student's own released grade and comment on their assignment page (the server only passes a released one). */
export function OwnGrade({ grade, maxPoints }: { grade: GradeView; maxPoints: number | null }) {
  return (
    <section className="own-grade" aria-labelledby="own-grade-title">
      <h2 id="own-grade-title">Your grade</h2>
      <p>
        <strong>{grade.points}</strong>
        {maxPoints !== null ? ` out of ${maxPoints}` : ""} points
      </p>
      {grade.rubricScores.length ? (
        <ul>
          {grade.rubricScores.map((score) => (
            <li key={score.criterion}>
              {score.criterion}: {score.points}
            </li>
          ))}
        </ul>
      ) : null}
      {grade.comment ? <p className="feedback-body">{grade.comment}</p> : null}
    </section>
  );
}
