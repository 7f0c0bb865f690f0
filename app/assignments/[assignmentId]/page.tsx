import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/teaching/assignment-form";
import { AssignmentStateControls } from "@/components/teaching/assignment-state-controls";
import { AssignmentStatus } from "@/components/teaching/assignment-status";
import { OwnGrade } from "@/components/teaching/own-grade";
import { RequirementList } from "@/components/teaching/requirement-list";
import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { renderNoteMarkdown } from "@/lib/markdown/render-note-markdown";
import { LETTER_SLUG } from "@/lib/teaching/assignment-operations";
import { getAssignment } from "@/lib/teaching/assignment-queries";
import { formatInZone } from "@/lib/teaching/assignment-time";
import { findOwnReleasedGrade } from "@/lib/teaching/grade-operations";

export const metadata: Metadata = { title: "Assignment" };

type Props = { params: Promise<{ assignmentId: string }> };

const PEER_TEXT = {
  always: "You see classmates' notes on these paragraphs at any time.",
  after_first_note: "You see classmates' notes on a paragraph once you have posted your own first note on it.",
  after_due: "You see classmates' notes once the due date has passed.",
} as const;
const STATE_TEXT = { draft: "Draft — only the class's teachers see it", published: "Published", closed: "Closed — no more work is accepted" } as const;

export default async function AssignmentPage({ params }: Props) {
  const { assignmentId } = await params;
  const actor = await currentActor();
  let assignment;
  try {
    assignment = await getAssignment(prisma(), actor, assignmentId, systemClock);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  // Only a student's own grade, and only once released (grade:read); null otherwise.
  const ownGrade = assignment.own ? await findOwnReleasedGrade(prisma(), actor, assignment.id) : null;
  const letterHref = (anchor: string) => `/letters/${LETTER_SLUG}?assignment=${assignment.id}#${anchor}`;
  const range = assignment.fromParagraph === assignment.toParagraph ? assignment.fromParagraph : `${assignment.fromParagraph}–${assignment.toParagraph}`;
  return (
    <main id="main" className="page assignment-page">
      <p className="muted">
        <Link href={`/groups/${assignment.group.id}/assignments`}>{assignment.group.name}: assignments</Link>
      </p>
      <h1>{assignment.title}</h1>
      <p className="muted">{STATE_TEXT[assignment.state]}</p>
      <dl className="assignment-dates">
        <dt>Opens</dt>
        <dd>{formatInZone(assignment.opensAt, assignment.timeZone)}</dd>
        <dt>Due</dt>
        <dd>{formatInZone(assignment.dueAt, assignment.timeZone)}</dd>
      </dl>
      {assignment.own ? (
        <p role="status">
          Your status: <AssignmentStatus own={assignment.own} />
        </p>
      ) : null}

      <section aria-labelledby="instructions-title">
        <h2 id="instructions-title">Instructions</h2>
        {/* Rendered from Markdown and sanitized by lib/markdown, as notes are. */}
        <div className="note-body" dangerouslySetInnerHTML={{ __html: renderNoteMarkdown(assignment.instructions) }} />
      </section>

      <section aria-labelledby="passages-title">
        <h2 id="passages-title">Passages</h2>
        {assignment.fromParagraph ? (
          <p>
            Paragraphs {range}. <Link href={letterHref(assignment.fromParagraph)}>Open the letter at these passages</Link>
          </p>
        ) : null}
        {assignment.passages.length > 0 ? (
          <ul>
            {assignment.passages.map((passage, index) => (
              <li key={index}>
                <Link href={letterHref(passage.paragraph)}>{passage.paragraph}</Link>: “{passage.exact}”
              </li>
            ))}
          </ul>
        ) : null}
        <p className="muted">{PEER_TEXT[assignment.peerVisibility]}</p>
      </section>

      <section aria-labelledby="requirements-title">
        <h2 id="requirements-title">Requirements</h2>
        <RequirementList minNotes={assignment.minNotes} minReplies={assignment.minReplies} requiredTypes={assignment.requiredTypes} own={assignment.own} />
        <p className="muted">Work after the due date is accepted and marked late, until the assignment is closed.</p>
      </section>

      {ownGrade ? <OwnGrade grade={ownGrade} maxPoints={assignment.maxPoints} /> : null}

      {assignment.mayManage ? (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">Manage</h2>
          <p>
            <Link href={`/assignments/${assignment.id}/students`}>Students&apos; work, grades and downloads</Link>
          </p>
          <AssignmentStateControls assignmentId={assignment.id} state={assignment.state} />
          <details className="assignment-edit">
            <summary>Edit the assignment</summary>
            <p className="muted">Students&apos; notes stay attached to the assignment whatever you change.</p>
            <AssignmentForm
              url={`/api/assignments/${assignment.id}`}
              method="PATCH"
              submitLabel="Save changes"
              initial={{
                title: assignment.title,
                instructions: assignment.instructions,
                fromParagraph: assignment.fromParagraph ?? "",
                toParagraph: assignment.toParagraph ?? "",
                opensAt: assignment.opensAtLocal,
                dueAt: assignment.dueAtLocal,
                timeZone: assignment.timeZone,
                minNotes: assignment.minNotes,
                minReplies: assignment.minReplies,
                requiredTypes: assignment.requiredTypes,
                peerVisibility: assignment.peerVisibility,
                maxPoints: assignment.maxPoints,
                rubric: assignment.rubric,
              }}
            />
          </details>
        </section>
      ) : null}
    </main>
  );
}
