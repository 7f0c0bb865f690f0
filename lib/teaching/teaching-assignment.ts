import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import type { ClassResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";

const ASSIGNMENT_SELECT = {
  id: true,
  groupId: true,
  documentId: true,
  title: true,
  state: true,
  opensAt: true,
  dueAt: true,
  timeZone: true,
  minNotes: true,
  minReplies: true,
  requiredTypes: true,
  maxPoints: true,
  rubric: true,
  gradesReleasedAt: true,
  group: { select: { name: true, kind: true } },
} as const;

export type RubricCriterion = { criterion: string; points: number };

/**
 * An assignment with what feedback, grades and the teacher's table need, and the actor's role in its class (the
 * policy's facts). Unknown ids are 404; so is a draft for anyone but the class's teachers, who alone know it exists.
 */
export async function loadTeachingAssignment(prisma: PrismaClient, actor: Actor, assignmentId: string) {
  assertRowId(assignmentId);
  const [assignment, membership] = await Promise.all([
    prisma.assignment.findUnique({ where: { id: assignmentId }, select: ASSIGNMENT_SELECT }),
    actor.kind === "user"
      ? prisma.membership.findFirst({ where: { userId: actor.id, group: { assignments: { some: { id: assignmentId } } } }, select: { role: true } })
      : null,
  ]);
  if (!assignment || assignment.group.kind !== "class") throw notFound();
  const viewerRole: GroupRoleName | null = membership?.role ?? null;
  const classResource: ClassResource = { type: "group", id: assignment.groupId, kind: assignment.group.kind, viewerRole };
  if (assignment.state === "draft" && !can(actor, "class:teach", classResource)) throw notFound();
  return { assignment: { ...assignment, rubric: rubricOf(assignment.rubric) }, viewerRole, classResource };
}

export type TeachingAssignment = Awaited<ReturnType<typeof loadTeachingAssignment>>["assignment"];

/** The rubric column is JSON written by the assignment operations; anything malformed in it reads as no criteria. */
export function rubricOf(value: unknown): RubricCriterion[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is RubricCriterion => typeof item?.criterion === "string" && typeof item?.points === "number",
  ).map(({ criterion, points }) => ({ criterion, points }));
}
