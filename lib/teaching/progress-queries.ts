import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { Clock } from "../auth/clock";
import type { PrismaClient } from "../db/create-prisma-client";
import { checkRequirements, type RequirementStatus, type WorkItem } from "./requirements";
import { loadTeachingAssignment, type TeachingAssignment } from "./teaching-assignment";
import { noteWordCount, rememberedWordCount } from "./word-count";
import { gradeViewOf, type GradeView } from "./grade-view";

/** One student's figures on an assignment: the teacher's table, the gradebook CSV. */
export type ProgressRow = {
  student: { id: string; displayName: string };
  notes: number;
  replies: number;
  words: number;
  /** Every reference type the student's notes cover (not only the required ones), alphabetically. */
  referenceTypes: string[];
  missingTypes: string[];
  requirementsMet: boolean;
  status: RequirementStatus;
  firstActivity: Date | null;
  lastActivity: Date | null;
  late: boolean;
  grade: GradeView | null;
};

export type ProgressTable = { assignment: TeachingAssignment; rows: ProgressRow[] };

type WorkRow = { id: string; updatedAt: Date; authorId: string; kind: "note" | "reply"; referenceType: string; createdAt: Date; words: number };
type WorkFacts = Omit<WorkRow, "words">;

/**
 * The live work on an assignment in its class, in two statements for the whole class: notes that open a thread, and
 * replies by a student in those threads to a classmate's note (a reply to one's own note is no reply to a classmate).
 * Replies are found through their thread's assignment, so a reply counts even if written before replies copied it.
 */
async function classWork(prisma: PrismaClient, assignment: TeachingAssignment): Promise<WorkRow[]> {
  const [notes, replies] = await Promise.all([
    prisma.$queryRaw<WorkFacts[]>`
      SELECT n.id, n."updatedAt", n."authorId", 'note' AS kind, n."referenceType"::text AS "referenceType", n."createdAt"
      FROM "Note" n
      WHERE n."assignmentId" = ${assignment.id}::uuid AND n."threadId" IS NULL AND n."deletedAt" IS NULL
        AND n.visibility = 'group' AND n."groupId" = ${assignment.groupId}::uuid`,
    prisma.$queryRaw<WorkFacts[]>`
      SELECT r.id, r."updatedAt", r."authorId", 'reply' AS kind, r."referenceType"::text AS "referenceType", r."createdAt"
      FROM "Note" t JOIN "Note" r ON r."threadId" = t.id
      WHERE t."assignmentId" = ${assignment.id}::uuid AND t."threadId" IS NULL AND t."groupId" = ${assignment.groupId}::uuid
        AND r."deletedAt" IS NULL AND r.visibility = 'group' AND r."groupId" = ${assignment.groupId}::uuid
        AND r."authorId" <> t."authorId"`,
  ]);
  const work = [...notes, ...replies];
  // Bodies are read only for notes whose word count is not remembered from an earlier load (see noteWordCount).
  const unknown = work.filter((row) => rememberedWordCount(row) === undefined).map((row) => row.id);
  const bodies = unknown.length
    ? new Map((await prisma.note.findMany({ where: { id: { in: unknown } }, select: { id: true, body: true } })).map((note) => [note.id, note.body]))
    : new Map<string, string>();
  return work.map((row) => ({ ...row, words: rememberedWordCount(row) ?? noteWordCount({ ...row, body: bodies.get(row.id) ?? "" }) }));
}

/** The table's figures for every student (plain member) of the class, computed from the loaded work. */
export function progressRows(
  assignment: Pick<TeachingAssignment, "minNotes" | "minReplies" | "requiredTypes" | "dueAt">,
  students: { id: string; displayName: string }[],
  work: WorkRow[],
  grades: Map<string, GradeView>,
  now: Date,
): ProgressRow[] {
  const byStudent = new Map<string, WorkRow[]>();
  for (const row of work) {
    const list = byStudent.get(row.authorId);
    if (list) list.push(row);
    else byStudent.set(row.authorId, [row]);
  }
  const requirements = { minNotes: assignment.minNotes, minReplies: assignment.minReplies, requiredTypes: assignment.requiredTypes, dueAt: assignment.dueAt };
  return students.map((student) => {
    const own = byStudent.get(student.id) ?? [];
    const items: WorkItem[] = own.map((row) =>
      row.kind === "note" ? { kind: "note", createdAt: row.createdAt, referenceType: row.referenceType } : { kind: "reply", createdAt: row.createdAt },
    );
    const check = checkRequirements(requirements, items, now);
    const types = new Set(own.filter((row) => row.kind === "note").map((row) => row.referenceType));
    return {
      student,
      notes: check.notes,
      replies: check.replies,
      words: own.reduce((sum, row) => sum + row.words, 0),
      referenceTypes: [...types].sort(),
      missingTypes: check.missingTypes,
      requirementsMet: check.met,
      status: check.status,
      firstActivity: check.firstActivity,
      lastActivity: check.lastActivity,
      late: check.status === "late",
      grade: grades.get(student.id) ?? null,
    };
  });
}

/**
 * An assignment's table: one row per student of the class, in a fixed number of queries whatever the class's size
 * (the students, the work, the grades). Its readers are asked first: getAssignmentProgress, the gradebook export.
 */
export async function progressTable(prisma: PrismaClient, assignment: TeachingAssignment, now: Date): Promise<ProgressTable> {
  const [members, work, grades] = await Promise.all([
    prisma.membership.findMany({
      where: { groupId: assignment.groupId, role: "member" },
      select: { user: { select: { id: true, displayName: true } } },
    }),
    classWork(prisma, assignment),
    prisma.grade.findMany({ where: { assignmentId: assignment.id } }),
  ]);
  const students = members.map((membership) => membership.user).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  const gradeMap = new Map(grades.map((grade) => [grade.studentId, gradeViewOf(grade)]));
  return { assignment, rows: progressRows(assignment, students, work, gradeMap, now) };
}

/** The teacher's table of an assignment: the class's teachers only ("class:teach"); others get 404. */
export async function getAssignmentProgress(prisma: PrismaClient, actor: Actor, assignmentId: string, clock: Clock): Promise<ProgressTable> {
  const { assignment, classResource } = await loadTeachingAssignment(prisma, actor, assignmentId);
  assertCan(actor, "class:teach", classResource);
  return progressTable(prisma, assignment, clock.now());
}
