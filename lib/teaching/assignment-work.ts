import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";
import { loadAssignment } from "./load-assignment";
import { formatInZone } from "./assignment-time";

const closed = () => new AppError("conflict", "This assignment is closed");

/**
 * Whether the writer may write a note for this assignment now ("assignment:work"), and where: the class (a group
 * note in it), the letter, and the covered paragraphs. Closed → 409 for those who can see it; a draft → 404 for students.
 */
export async function assignmentForNewNote(
  prisma: PrismaClient,
  actor: Actor,
  assignmentId: string,
  note: { visibility: string; groupId?: string | null },
  now: Date = new Date(),
) {
  if (!isRowId(assignmentId)) throw new AppError("bad_request", "Invalid input", { fields: { assignmentId: ["No such assignment"] } });
  const { assignment, resource } = await loadAssignment(prisma, actor, assignmentId);
  if (assignment.state === "closed" && can(actor, "assignment:read", resource)) throw closed();
  assertCan(actor, "assignment:work", resource);
  // Students start when it opens (teachers may try it out before); the date is shown in the assignment's zone.
  if (assignment.opensAt.getTime() > now.getTime() && !can(actor, "assignment:manage", resource)) {
    throw new AppError("conflict", `This assignment opens on ${formatInZone(assignment.opensAt, assignment.timeZone)}`);
  }
  if (note.visibility !== "group" || note.groupId !== assignment.groupId) {
    throw new AppError("bad_request", "Invalid input", { fields: { visibility: ["A note for an assignment is shared with its class"] } });
  }
  return { id: assignment.id, documentId: assignment.documentId, fromOrdinal: assignment.fromOrdinal, toOrdinal: assignment.toOrdinal };
}

/** Refuses a paragraph outside the assignment's covered range (400 on the paragraph field). */
export function assertCoveredParagraph(assignment: { documentId: string; fromOrdinal: number; toOrdinal: number }, paragraph: { documentId: string; ordinal: number }) {
  if (paragraph.documentId !== assignment.documentId || paragraph.ordinal < assignment.fromOrdinal || paragraph.ordinal > assignment.toOrdinal) {
    throw new AppError("bad_request", "Invalid input", { fields: { paragraph: ["This paragraph is not among the passages the assignment covers"] } });
  }
}

/** A reply in a thread written for an assignment: refused once the assignment is closed (409). */
export async function assertAssignmentTakesReplies(prisma: PrismaClient, assignmentId: string | null) {
  if (!assignmentId) return;
  const assignment = await prisma.assignment.findUnique({ where: { id: assignmentId }, select: { state: true } });
  if (assignment?.state === "closed") throw closed();
}

/**
 * Inside the writing transaction: share-locks the assignment's row and refuses it if closed meanwhile, so a note or
 * reply cannot slip in after a teacher's close commits (the close's UPDATE waits for this lock, or this sees it).
 */
export async function lockOpenAssignment(tx: Pick<PrismaClient, "$queryRaw">, assignmentId: string | null) {
  if (!assignmentId) return;
  const [row] = await tx.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM "Assignment" WHERE id = ${assignmentId}::uuid FOR SHARE`;
  if (row?.state === "closed") throw closed();
}
