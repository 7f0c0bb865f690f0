import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/teaching/assignment-form";
import { AssignmentStatus } from "@/components/teaching/assignment-status";
import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { listAssignments } from "@/lib/teaching/assignment-queries";
import { formatInZone } from "@/lib/teaching/assignment-time";

export const metadata: Metadata = { title: "Assignments" };

type Props = { params: Promise<{ groupId: string }> };

const STATE_TEXT = { draft: "Draft (only teachers see it)", published: "Published", closed: "Closed" } as const;

export default async function AssignmentsPage({ params }: Props) {
  const { groupId } = await params;
  const actor = await currentActor();
  let list;
  try {
    list = await listAssignments(prisma(), actor, groupId, systemClock);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { group, assignments, mayCreate } = list;
  return (
    <main id="main" className="page">
      <p className="muted">
        <Link href={`/groups/${group.id}`}>{group.name}</Link>
      </p>
      <h1>Assignments</h1>
      {assignments.length === 0 ? (
        <p>No assignments yet.</p>
      ) : (
        <ul className="assignment-list">
          {assignments.map((assignment) => (
            <li key={assignment.id} className="assignment-list-item">
              <h2>
                <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>
              </h2>
              <p className="muted">
                {STATE_TEXT[assignment.state]} · due {formatInZone(assignment.dueAt, assignment.timeZone)}
                {assignment.fromParagraph ? ` · paragraphs ${assignment.fromParagraph}–${assignment.toParagraph}` : ""}
              </p>
              {assignment.own ? (
                <p>
                  Your status: <AssignmentStatus own={assignment.own} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayCreate ? (
        <section aria-labelledby="new-assignment-title">
          <h2 id="new-assignment-title">New assignment</h2>
          <p className="muted">It is saved as a draft; publish it from its page when it is ready.</p>
          <AssignmentForm url={`/api/groups/${group.id}/assignments`} method="POST" submitLabel="Save as draft" />
        </section>
      ) : null}
    </main>
  );
}
