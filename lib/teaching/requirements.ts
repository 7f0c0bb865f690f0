/**
 * Requirement checking and a student's status on an assignment. Pure: the caller loads the student's live work
 * (notes not deleted, and replies to classmates' notes in the assignment's threads) and passes instants.
 *
 * Definitions (the teacher's table, the student's page and the gradebook all use these):
 * - On time means written at or before the due instant: work created exactly at dueAt is on time (a "due 23:59"
 *   deadline includes 23:59:00.000); one millisecond later is late. Instants only — the assignment's time zone
 *   matters when the teacher's wall-clock times are turned into instants (assignment-time.ts), never here.
 * - metAt is the instant of the piece of work that completed the requirements (walking the work in creation order);
 *   null while they are not met.
 * - Status:
 *   "not started"       — no work at all (also after the due date: there is nothing to mark late);
 *   "requirements met"  — met, and met at or before dueAt;
 *   "late"              — met only after dueAt, or not met and some work written after dueAt;
 *   "in progress"       — some work, not met, none of it after dueAt (`overdue` tells that the due date passed).
 */

export const REQUIREMENT_STATUSES = ["not started", "in progress", "requirements met", "late"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export type Requirements = {
  minNotes: number;
  minReplies: number;
  /** Reference types each to be covered by at least one of the student's notes. */
  requiredTypes: readonly string[];
  dueAt: Date;
};

/** A student's live piece of work: a note opening a thread, or a reply to a classmate's note. */
export type WorkItem = { kind: "note"; createdAt: Date; referenceType: string } | { kind: "reply"; createdAt: Date };

export type RequirementCheck = {
  notes: number;
  replies: number;
  /** Required types covered so far, in the order the assignment lists them. */
  coveredTypes: string[];
  missingTypes: string[];
  notesMet: boolean;
  repliesMet: boolean;
  typesMet: boolean;
  met: boolean;
  metAt: Date | null;
  firstActivity: Date | null;
  lastActivity: Date | null;
  /** The due date has passed (now > dueAt) and the requirements are not met. */
  overdue: boolean;
  status: RequirementStatus;
};

const isLate = (at: Date, dueAt: Date) => at.getTime() > dueAt.getTime();

export function checkRequirements(requirements: Requirements, work: readonly WorkItem[], now: Date): RequirementCheck {
  const ordered = [...work].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const required = [...new Set(requirements.requiredTypes)];
  const covered = new Set<string>();
  let notes = 0;
  let replies = 0;
  let metAt: Date | null = null;
  const allMet = () => notes >= requirements.minNotes && replies >= requirements.minReplies && required.every((type) => covered.has(type));

  for (const item of ordered) {
    if (item.kind === "note") {
      notes += 1;
      covered.add(item.referenceType);
    } else {
      replies += 1;
    }
    if (metAt === null && allMet()) metAt = item.createdAt;
  }

  const met = metAt !== null;
  const firstActivity = ordered[0]?.createdAt ?? null;
  const lastActivity = ordered.at(-1)?.createdAt ?? null;
  const { dueAt } = requirements;

  let status: RequirementStatus;
  if (ordered.length === 0) status = "not started";
  else if (met) status = isLate(metAt!, dueAt) ? "late" : "requirements met";
  else status = ordered.some((item) => isLate(item.createdAt, dueAt)) ? "late" : "in progress";

  return {
    notes,
    replies,
    coveredTypes: required.filter((type) => covered.has(type)),
    missingTypes: required.filter((type) => !covered.has(type)),
    notesMet: notes >= requirements.minNotes,
    repliesMet: replies >= requirements.minReplies,
    typesMet: required.every((type) => covered.has(type)),
    met,
    metAt,
    firstActivity,
    lastActivity,
    overdue: !met && isLate(now, dueAt),
    status,
  };
}
