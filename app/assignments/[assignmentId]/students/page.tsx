import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestButton } from "@/components/groups/request-button";
import { GradeForm } from "@/components/teaching/grade-form";
import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { formatInZone } from "@/lib/teaching/assignment-time";
import { getAssignmentProgress } from "@/lib/teaching/progress-queries";
import { parseProgressSort, sortProgressRows, type ProgressColumn } from "@/lib/teaching/progress-sort";

export const metadata: Metadata = { title: "Students' work" };

type Props = { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ sort?: string | string[]; dir?: string | string[] }> };

const COLUMNS: { column: ProgressColumn; label: string }[] = [
  { column: "student", label: "Student" },
  { column: "notes", label: "Notes" },
  { column: "replies", label: "Replies to classmates" },
  { column: "words", label: "Words" },
  { column: "types", label: "Reference types covered" },
  { column: "met", label: "Requirements met" },
  { column: "first", label: "First activity" },
  { column: "last", label: "Last activity" },
  { column: "late", label: "Late" },
  { column: "points", label: "Grade" },
];

/** The teacher's table: one row per student, sortable by any column through ?sort=&dir= (links, no script needed). */
export default async function AssignmentStudentsPage({ params, searchParams }: Props) {
  const { assignmentId } = await params;
  const { column, direction } = parseProgressSort(await searchParams);
  let table;
  try {
    table = await getAssignmentProgress(prisma(), await currentActor(), assignmentId, systemClock);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { assignment } = table;
  const rows = sortProgressRows(table.rows, column, direction);
  const when = (date: Date | null) => (date ? formatInZone(date, assignment.timeZone) : "—");
  const base = `/assignments/${assignment.id}`;
  const sortHref = (target: ProgressColumn) =>
    `${base}/students?sort=${target}&dir=${target === column && direction === "asc" ? "desc" : "asc"}`;

  return (
    <main id="main" className="page assignment-students-page">
      <p className="muted">
        <Link href={base}>{assignment.title}</Link> · {assignment.group.name}
      </p>
      <h1>Students&apos; work</h1>
      <p>
        Due {formatInZone(assignment.dueAt, assignment.timeZone)}. Requirements: at least {assignment.minNotes} notes and{" "}
        {assignment.minReplies} replies to classmates
        {assignment.requiredTypes.length ? `, covering ${assignment.requiredTypes.join(", ")}` : ""}.
      </p>

      <ul className="teaching-downloads">
        <li><a href={`/api/assignments/${assignment.id}/export/gradebook.csv`} download>Download the gradebook (CSV)</a></li>
        <li><a href={`/api/assignments/${assignment.id}/export/notes?format=csv`} download>Download the class&apos;s notes (CSV)</a></li>
        <li><a href={`/api/assignments/${assignment.id}/export/notes?format=json`} download>Download the class&apos;s notes (JSON)</a></li>
      </ul>

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="students-caption">
        <table className="progress-table">
          <caption id="students-caption">
            {rows.length} students, sorted by {COLUMNS.find((c) => c.column === column)!.label.toLowerCase()}, {direction === "asc" ? "ascending" : "descending"}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map(({ column: target, label }) => (
                <th key={target} scope="col" aria-sort={target === column ? (direction === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={sortHref(target)}>
                    {label}
                    <span className="visually-hidden">
                      {target === column ? `, sorted ${direction === "asc" ? "ascending" : "descending"}; activate to reverse` : ", activate to sort"}
                    </span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.student.id}>
                <th scope="row">
                  <Link href={`/letters/reply-to-stalin?author=${row.student.id}&group=${assignment.groupId}`}>{row.student.displayName}</Link>
                  <span className="progress-status"> ({row.status})</span>
                </th>
                <td>{row.notes}</td>
                <td>{row.replies}</td>
                <td>{row.words}</td>
                <td>
                  {row.referenceTypes.join(", ") || "—"}
                  {row.missingTypes.length ? <span className="muted"> (missing: {row.missingTypes.join(", ")})</span> : null}
                </td>
                <td>{row.requirementsMet ? "Yes" : "No"}</td>
                <td>{when(row.firstActivity)}</td>
                <td>{when(row.lastActivity)}</td>
                <td>{row.late ? "Late" : "No"}</td>
                <td>{row.grade ? `${row.grade.points}${assignment.maxPoints !== null ? ` / ${assignment.maxPoints}` : ""}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="grades-title">
        <h2 id="grades-title">Grades</h2>
        <p>
          {assignment.gradesReleasedAt
            ? `Grades were released ${formatInZone(assignment.gradesReleasedAt, assignment.timeZone)}: each student sees their own.`
            : "Grades are not released yet: students see nothing of them."}
        </p>
        {!assignment.gradesReleasedAt ? (
          <RequestButton
            url={`/api/assignments/${assignment.id}/grades/release`}
            method="POST"
            label="Release grades"
            confirm="Release the grades? Each student will see their own grade and comment."
          />
        ) : null}
        {rows.map((row) => (
          <details key={row.student.id} className="grade-details">
            <summary>
              {row.student.displayName}: {row.grade ? `${row.grade.points} points` : "not graded"}
            </summary>
            <GradeForm assignmentId={assignment.id} student={row.student} maxPoints={assignment.maxPoints} rubric={assignment.rubric} grade={row.grade} />
          </details>
        ))}
      </section>
    </main>
  );
}
