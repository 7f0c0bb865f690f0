import { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { GradeResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { ZRowId } from "../db/row-id";
import { badRequest, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { gradeProblems, ZGradeInput } from "./grade-schemas";
import { gradeViewOf, ZGradeView, type GradeView } from "./grade-view";
import { loadTeachingAssignment } from "./teaching-assignment";

type Loaded = Awaited<ReturnType<typeof loadTeachingAssignment>>;

/** A grade as the policy sees it; the graded user's role in the class is read only when someone is being graded. */
function gradeResource(loaded: Loaded, studentId: string, studentClassRole: GradeResource["studentClassRole"] = null): GradeResource {
  return { type: "grade", studentId, studentClassRole, viewerClassRole: loaded.viewerRole, released: loaded.assignment.gradesReleasedAt !== null };
}

/** The points as grade changes record them in the audit log ("17"), or null for no grade yet. */
const pointsText = (points: number | null | undefined) => (points === null || points === undefined ? null : String(points));

/** Sets one student's grade (points, rubric scores, comment); 400 with field messages when it does not fit. Audited. */
export const putGrade = defineOperation({
  name: "grade.set",
  input: ZGradeInput.extend({ assignmentId: ZRowId }),
  output: ZGradeView,
  load: async (db, actor, input) => {
    const loaded = await loadTeachingAssignment(db, actor, input.assignmentId);
    const student = await db.membership.findUnique({
      where: { groupId_userId: { groupId: loaded.assignment.groupId, userId: input.studentId } },
      select: { role: true },
    });
    return { ...loaded, grade: gradeResource(loaded, input.studentId, student?.role ?? null), score: gradeProblems(input, loaded.assignment) };
  },
  authorise: ({ loaded }) => check("grade:write", loaded.grade),
  refuse: ({ actor, loaded }) => {
    if (!can(actor, "grade:receive", loaded.grade)) return badRequest("Not a student of this class", { studentId: ["Not a student of this class"] });
    if (Object.keys(loaded.score.problems).length > 0) return badRequest("The grade does not fit the assignment", loaded.score.problems);
    return null;
  },
  run: async (tx, { actor, input, loaded: { assignment, score } }) => {
    const key = { assignmentId_studentId: { assignmentId: assignment.id, studentId: input.studentId } };
    // Read in the transaction, so the audit's "before" is the grade this write replaces.
    const previous = await tx.grade.findUnique({ where: key, select: { points: true } });
    const data = {
      points: score.points,
      rubricScores: input.rubricScores.map(({ criterion, points }) => ({ criterion, points })),
      comment: input.comment,
      gradedById: (actor as Extract<Actor, { kind: "user" }>).id,
    };
    const grade = await tx.grade.upsert({ where: key, create: { assignmentId: assignment.id, studentId: input.studentId, ...data }, update: data });
    return { grade, previousPoints: previous?.points ?? null };
  },
  audit: ({ input, loaded, result }) => ({
    action: "grade.set",
    subjectId: input.studentId,
    groupId: loaded.assignment.groupId,
    targetId: loaded.assignment.id,
    before: pointsText(result.previousPoints),
    after: pointsText(result.grade.points),
  }),
  present: ({ grade }) => gradeViewOf(grade),
});

/**
 * The grades the actor may read on an assignment: every student's for its teachers; for a student, their own once
 * grades are released. Nothing readable is 404, so a student cannot tell an unreleased grade from none.
 */
export async function listGrades(prisma: PrismaClient, actor: Actor, assignmentId: string): Promise<GradeView[]> {
  const loaded = await loadTeachingAssignment(prisma, actor, assignmentId);
  if (!can(actor, "class:teach", loaded.classResource)) return [await getOwnGrade(prisma, actor, assignmentId, loaded)];
  const grades = await prisma.grade.findMany({ where: { assignmentId }, orderBy: { studentId: "asc" } });
  return grades.filter((grade) => can(actor, "grade:read", gradeResource(loaded, grade.studentId))).map(gradeViewOf);
}

/** A student's own grade, once released (404 before, or when there is none). */
export async function getOwnGrade(prisma: PrismaClient, actor: Actor, assignmentId: string, preloaded?: Loaded): Promise<GradeView> {
  if (actor.kind !== "user") throw notFound();
  const loaded = preloaded ?? (await loadTeachingAssignment(prisma, actor, assignmentId));
  assertCan(actor, "grade:read", gradeResource(loaded, actor.id));
  const grade = await prisma.grade.findUnique({ where: { assignmentId_studentId: { assignmentId: loaded.assignment.id, studentId: actor.id } } });
  if (!grade) throw notFound();
  return gradeViewOf(grade);
}

/** For a student's assignment page: their released grade, or null (not released, none, or not theirs to read). */
export async function findOwnReleasedGrade(prisma: PrismaClient, actor: Actor, assignmentId: string): Promise<GradeView | null> {
  try {
    return await getOwnGrade(prisma, actor, assignmentId);
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") return null;
    throw error;
  }
}

export const ZGradesReleased = z.strictObject({ gradesReleasedAt: z.iso.datetime() }).meta({ id: "GradesReleased" });

/** Releases the assignment's grades to their students (the first release's instant is kept; only it is audited). */
export const releaseGrades = defineOperation({
  name: "grade.release",
  input: z.strictObject({ assignmentId: ZRowId }),
  output: ZGradesReleased,
  load: (db, actor, input) => loadTeachingAssignment(db, actor, input.assignmentId),
  authorise: ({ loaded }) => check("grade:release", loaded.classResource),
  run: async (tx, { now, loaded: { assignment } }) => {
    const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, gradesReleasedAt: null }, data: { gradesReleasedAt: now } });
    const { gradesReleasedAt } = await tx.assignment.findUniqueOrThrow({ where: { id: assignment.id }, select: { gradesReleasedAt: true } });
    return { gradesReleasedAt: gradesReleasedAt!, first: count === 1 };
  },
  audit: ({ loaded: { assignment }, result }) =>
    result.first ? { action: "grade.release", groupId: assignment.groupId, targetId: assignment.id, after: result.gradesReleasedAt.toISOString() } : null,
  present: ({ gradesReleasedAt }) => ({ gradesReleasedAt: gradesReleasedAt.toISOString() }),
});
