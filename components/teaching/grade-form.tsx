"use client";

import { useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { useJsonForm } from "@/components/forms/use-json-form";

type Props = {
  assignmentId: string;
  student: { id: string; displayName: string };
  maxPoints: number | null;
  rubric: { criterion: string; points: number }[];
  grade: { points: number; rubricScores: { criterion: string; points: number }[]; comment: string | null } | null;
};

function FieldMessages({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? <p id={id} className="field-error">{messages.join(" ")}</p> : null;
}

/**
 * One student's grade: points out of the maximum, or a score per rubric criterion (points then add up when left
 * empty), and a comment. Ids carry the student's id: the page holds one form per student.
 */
export function GradeForm({ assignmentId, student, maxPoints, rubric, grade }: Props) {
  const { submit, fieldErrors, formError, pending } = useJsonForm(`/api/assignments/${assignmentId}/grades`, "PUT");
  const [saved, setSaved] = useState<string | null>(null);
  const prefix = `grade-${student.id}`;
  const scoreOf = (criterion: string) => grade?.rubricScores.find((score) => score.criterion === criterion)?.points;
  const described = (name: string) => (fieldErrors[name]?.length ? `${prefix}-${name.replaceAll(".", "-")}-error` : undefined);

  return (
    <form
      className="grade-form"
      aria-label={`Grade for ${student.displayName}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(null);
        const data = new FormData(event.currentTarget);
        const number = (name: string) => (String(data.get(name) ?? "").trim() === "" ? undefined : Number(data.get(name)));
        const rubricScores = rubric
          .map((criterion, index) => ({ criterion: criterion.criterion, points: number(`rubric-${index}`) }))
          .filter((score): score is { criterion: string; points: number } => score.points !== undefined);
        const result = await submit({ studentId: student.id, points: number("points"), rubricScores, comment: String(data.get("comment") ?? "") });
        if (result.ok) setSaved(`Grade saved for ${student.displayName}.`);
      }}
    >
      {rubric.map((criterion, index) => (
        <div className="field grade-field" key={criterion.criterion}>
          <label htmlFor={`${prefix}-rubric-${index}`}>
            {criterion.criterion} (out of {criterion.points})
          </label>
          <input
            id={`${prefix}-rubric-${index}`}
            name={`rubric-${index}`}
            type="number"
            inputMode="decimal"
            min={0}
            max={criterion.points}
            step="any"
            defaultValue={scoreOf(criterion.criterion)}
            aria-invalid={fieldErrors[`rubricScores.${index}.points`]?.length ? true : undefined}
            aria-describedby={described(`rubricScores.${index}.points`)}
          />
          <FieldMessages id={`${prefix}-rubricScores-${index}-points-error`} messages={fieldErrors[`rubricScores.${index}.points`]} />
        </div>
      ))}
      <div className="field grade-field">
        <label htmlFor={`${prefix}-points`}>Points{maxPoints !== null ? ` (out of ${maxPoints})` : ""}</label>
        <input
          id={`${prefix}-points`}
          name="points"
          type="number"
          inputMode="decimal"
          min={0}
          max={maxPoints ?? undefined}
          step="any"
          defaultValue={grade?.points}
          aria-invalid={fieldErrors.points?.length ? true : undefined}
          aria-describedby={described("points")}
        />
        <FieldMessages id={`${prefix}-points-error`} messages={fieldErrors.points} />
      </div>
      <div className="field grade-field grade-comment">
        <label htmlFor={`${prefix}-comment`}>Comment</label>
        <textarea id={`${prefix}-comment`} name="comment" rows={2} maxLength={5000} defaultValue={grade?.comment ?? ""} aria-describedby={described("comment")} />
        <FieldMessages id={`${prefix}-comment-error`} messages={fieldErrors.comment} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save grade"}
      </button>
      <FormStatus error={formError} success={saved} />
    </form>
  );
}
