import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { GradeResource } from "../authz/resources";
import type { Clock } from "../auth/clock";
import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { badRequest, notFound } from "../errors/app-error";
import { log } from "../log";
import { gradeProblems, type TGradeInput } from "./grade-schemas";
import { gradeViewOf, type GradeView } from "./grade-view";
import { loadTeachingAssignment } from "./teaching-assignment";

type Loaded = Awaited<ReturnType<typeof loadTeachingAssignment>>;

function gradeResource(loaded: Loaded, studentId: string): GradeResource {
  return { type: "grade", studentId, viewerClassRole: loaded.viewerRole, released: loaded.assignment.gradesReleasedAt !== null };
}

/** Sets one student's grade (points, rubric scores, comment); 400 with field messages when it does not fit. */
export async function putGrade(prisma: PrismaClient, actor: Actor, assignmentId: string, input: TGradeInput): Promise<GradeView> {
  const loaded = await loadTeachingAssignment(prisma, actor, assignmentId);
  assertCan(actor, "grade:write", gradeResource(loaded, input.studentId));
  const { assignment } = loaded;
  const student = await prisma.membership.findUnique({
    where: { groupId_userId: { groupId: assignment.groupId, userId: input.studentId } },
    select: { role: true },
  });
  if (!student || student.role !== "member") throw badRequest("Not a student of this class", { studentId: ["Not a student of this class"] });
  const { points, problems } = gradeProblems(input, assignment);
  if (Object.keys(problems).length > 0) throw badRequest("The grade does not fit the assignment", problems);
  const data = {
    points,
    rubricScores: input.rubricScores.map(({ criterion, points: scored }) => ({ criterion, points: scored })),
    comment: input.comment,
    gradedById: (actor as Extract<Actor, { kind: "user" }>).id,
  };
  const grade = await prisma.grade.upsert({
    where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: input.studentId } },
    create: { assignmentId: assignment.id, studentId: input.studentId, ...data },
    update: data,
  });
  log.info("grade.set", { assignmentId: assignment.id, studentId: input.studentId });
  return gradeViewOf(grade);
}

/**
 * The grades the actor may read on an assignment: every student's for its teachers; for a student, their own once
 * grades are released. Nothing readable is 404, so a student cannot tell an unreleased grade from none.
 */
export async function listGrades(prisma: PrismaClient, actor: Actor, assignmentId: string): Promise<GradeView[]> {
  const loaded = await loadTeachingAssignment(prisma, actor, assignmentId);
  if (!can(actor, "gradebook:export", loaded.classResource)) return [await getOwnGrade(prisma, actor, assignmentId, loaded)];
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

/** Releases the assignment's grades to their students (the first release's instant is kept). */
export async function releaseGrades(prisma: PrismaClient, actor: Actor, assignmentId: string, clock: Clock): Promise<{ gradesReleasedAt: string }> {
  assertRowId(assignmentId);
  const { assignment, classResource } = await loadTeachingAssignment(prisma, actor, assignmentId);
  assertCan(actor, "grade:release", classResource);
  await prisma.assignment.updateMany({ where: { id: assignment.id, gradesReleasedAt: null }, data: { gradesReleasedAt: clock.now() } });
  const { gradesReleasedAt } = await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id }, select: { gradesReleasedAt: true } });
  log.info("grades.released", { assignmentId: assignment.id });
  return { gradesReleasedAt: gradesReleasedAt!.toISOString() };
}
