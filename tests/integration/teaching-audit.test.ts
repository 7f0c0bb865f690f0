import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { createAssignment, updateAssignment } from "@/lib/teaching/assignment-operations";
import { ZCreateAssignment, ZUpdateAssignment } from "@/lib/teaching/assignment-schemas";
import { addFeedback } from "@/lib/teaching/feedback-operations";
import { putGrade, releaseGrades } from "@/lib/teaching/grade-operations";
import { ZGradeInput } from "@/lib/teaching/grade-schemas";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let teacher: SignedInActor;
let assistant: SignedInActor;
let student: SignedInActor;
let classId: string;

const draft = noteDraft({ paragraph: "p3", referenceType: "person", body: "Stalin's secretary." });
const newAssignment = (overrides: Record<string, unknown> = {}) =>
  ZCreateAssignment.parse({
    title: "The Opposition's platform",
    instructions: "Annotate the people named.",
    fromParagraph: "p2",
    toParagraph: "p5",
    opensAt: "2026-01-01T09:00",
    dueAt: "2030-03-10T23:59",
    timeZone: "Europe/Berlin",
    maxPoints: 20,
    ...overrides,
  });
const edit = (assignmentId: string, body: Record<string, unknown>) => ({ assignmentId, ...ZUpdateAssignment.parse(body) });
const grade = (assignmentId: string, body: Record<string, unknown>) => ({ assignmentId, ...ZGradeInput.parse(body) });

/** The audit records written while `change` runs, oldest first. */
async function recordsOf(change: () => Promise<unknown>) {
  const since = await db.prisma.auditRecord.findMany({ select: { id: true } });
  await change();
  return db.prisma.auditRecord.findMany({ where: { id: { notIn: since.map((record) => record.id) } }, orderBy: [{ createdAt: "asc" }, { action: "asc" }] });
}

async function draftAssignment(title: string) {
  return (await createAssignment(db.prisma, teacher, { groupId: classId, ...newAssignment({ title }) }, { clock })).id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const users = await Promise.all(["Teacher", "Assistant", "Ada"].map((displayName) => seedUser(db.prisma, { displayName, trusted: true })));
  [teacher, assistant, student] = await Promise.all(users.map(async (user) => (await signIn(db.prisma, user.id, clock)).actor));
  classId = (
    await db.prisma.group.create({
      data: {
        kind: "class",
        name: "History 204",
        createdById: teacher.id,
        memberships: { create: [{ userId: teacher.id, role: "owner" }, { userId: assistant.id, role: "moderator" }, { userId: student.id, role: "member" }] },
      },
    })
  ).id;
});

afterAll(async () => {
  await db?.drop();
});

describe("assignment changes are audited", () => {
  it("setting one: who, in which class, which assignment, its title and state", async () => {
    let id = "";
    const records = await recordsOf(async () => {
      ({ id } = await createAssignment(db.prisma, teacher, { groupId: classId, ...newAssignment({ title: "Set" }) }, { clock }));
    });
    expect(records).toEqual([
      expect.objectContaining({
        actorId: teacher.id,
        subjectId: null,
        groupId: classId,
        targetId: id,
        action: "assignment.create",
        before: null,
        after: JSON.stringify({ title: "Set", state: "draft" }),
        createdAt: clock.now(),
      }),
    ]);
  });

  it("an edit: only the fields it changes, before and after; a field sent with its current value is no change", async () => {
    const id = await draftAssignment("Before");
    const records = await recordsOf(() => updateAssignment(db.prisma, assistant, edit(id, { title: "After", minNotes: 3, maxPoints: 20 }), { clock }));
    expect(records).toEqual([
      expect.objectContaining({
        actorId: assistant.id,
        groupId: classId,
        targetId: id,
        action: "assignment.update",
        before: JSON.stringify({ title: "Before", minNotes: 1 }),
        after: JSON.stringify({ title: "After", minNotes: 3 }),
      }),
    ]);
    expect(await recordsOf(() => updateAssignment(db.prisma, teacher, edit(id, { title: "After" }), { clock }))).toEqual([]);
  });

  it("publishing, closing and reopening: one record each, named for what it does, with the states", async () => {
    const id = await draftAssignment("States");
    const states = async (state: string) => (await recordsOf(() => updateAssignment(db.prisma, teacher, edit(id, { state }), { clock }))).map((record) => [record.action, record.before, record.after, record.targetId]);
    expect(await states("published")).toEqual([["assignment.publish", "draft", "published", id]]);
    expect(await states("closed")).toEqual([["assignment.close", "published", "closed", id]]);
    expect(await states("published")).toEqual([["assignment.reopen", "closed", "published", id]]);
  });

  it("an edit with a change of state writes both records in its one transaction", async () => {
    const id = await draftAssignment("Both");
    const records = await recordsOf(() => updateAssignment(db.prisma, teacher, edit(id, { title: "Both, published", state: "published" }), { clock }));
    expect(records.map((record) => record.action).sort()).toEqual(["assignment.publish", "assignment.update"]);
  });

  it("a refused change writes nothing: a student's edit (403), a state the assignment cannot take (409), an invalid range (400)", async () => {
    const id = await draftAssignment("Refused");
    await updateAssignment(db.prisma, teacher, edit(id, { state: "published" }), { clock });
    const refused = await recordsOf(async () => {
      expect(await appErrorCode(updateAssignment(db.prisma, student, edit(id, { title: "Mine" }), { clock }))).toBe("forbidden");
      expect(await appErrorCode(updateAssignment(db.prisma, teacher, edit(id, { state: "draft" }), { clock }))).toBe("conflict");
      expect(await appErrorCode(updateAssignment(db.prisma, teacher, edit(id, { toParagraph: "p9999" }), { clock }))).toBe("bad_request");
      expect(await appErrorCode(createAssignment(db.prisma, student, { groupId: classId, ...newAssignment() }, { clock }))).toBe("forbidden");
    });
    expect(refused).toEqual([]);
  });
});

describe("grades and their release are audited", () => {
  let assignmentId: string;
  beforeAll(async () => {
    assignmentId = await draftAssignment("Graded");
    await updateAssignment(db.prisma, teacher, edit(assignmentId, { state: "published" }), { clock });
  });

  it("a grade change records the student, the class, the assignment, and the points before and after", async () => {
    clock.advance(1_000);
    const first = await recordsOf(() => putGrade(db.prisma, teacher, grade(assignmentId, { studentId: student.id, points: 17 }), { clock }));
    expect(first).toEqual([
      expect.objectContaining({
        actorId: teacher.id,
        subjectId: student.id,
        groupId: classId,
        targetId: assignmentId,
        action: "grade.set",
        before: null,
        after: "17",
        createdAt: clock.now(),
      }),
    ]);
    const second = await recordsOf(() => putGrade(db.prisma, assistant, grade(assignmentId, { studentId: student.id, points: 15.5, comment: "Revised." }), { clock }));
    expect(second).toEqual([expect.objectContaining({ actorId: assistant.id, subjectId: student.id, action: "grade.set", before: "17", after: "15.5" })]);
  });

  it("a refused grade writes nothing: a student grading (404), a teacher as the student (400), points above the maximum (400)", async () => {
    const refused = await recordsOf(async () => {
      expect(await appErrorCode(putGrade(db.prisma, student, grade(assignmentId, { studentId: student.id, points: 20 }), { clock }))).toBe("not_found");
      expect(await appErrorCode(putGrade(db.prisma, teacher, grade(assignmentId, { studentId: assistant.id, points: 3 }), { clock }))).toBe("bad_request");
      expect(await appErrorCode(putGrade(db.prisma, teacher, grade(assignmentId, { studentId: student.id, points: 21 }), { clock }))).toBe("bad_request");
    });
    expect(refused).toEqual([]);
  });

  it("the first release is recorded with its instant; a second release changes nothing and records nothing", async () => {
    clock.advance(1_000);
    const releasedAt = clock.now();
    const first = await recordsOf(() => releaseGrades(db.prisma, teacher, { assignmentId }, { clock }));
    expect(first).toEqual([
      expect.objectContaining({
        actorId: teacher.id,
        subjectId: null,
        groupId: classId,
        targetId: assignmentId,
        action: "grade.release",
        before: null,
        after: releasedAt.toISOString(),
      }),
    ]);
    clock.advance(1_000);
    const again = await recordsOf(async () => {
      expect((await releaseGrades(db.prisma, assistant, { assignmentId }, { clock })).gradesReleasedAt).toBe(releasedAt.toISOString());
    });
    expect(again).toEqual([]);
    expect(await recordsOf(async () => expect(await appErrorCode(releaseGrades(db.prisma, student, { assignmentId }, { clock }))).toBe("forbidden"))).toEqual([]);
  });
});

describe("feedback is audited", () => {
  it("records the student, the class and the note, never the feedback's private text", async () => {
    const assignmentId = await draftAssignment("Feedback");
    await updateAssignment(db.prisma, teacher, edit(assignmentId, { state: "published" }), { clock });
    const note = await createNote(db.prisma, student, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId }) });
    let feedbackId = "";
    const records = await recordsOf(async () => {
      ({ id: feedbackId } = await addFeedback(db.prisma, assistant, { noteId: note.id, body: "Name the secretariat's head." }, { clock }));
    });
    expect(records).toEqual([
      expect.objectContaining({ actorId: assistant.id, subjectId: student.id, groupId: classId, targetId: note.id, action: "feedback.add", before: null, after: feedbackId }),
    ]);
    expect(JSON.stringify(records)).not.toContain("secretariat");
    expect(await recordsOf(async () => expect(await appErrorCode(addFeedback(db.prisma, student, { noteId: note.id, body: "Self-praise." }, { clock }))).toBe("forbidden"))).toEqual([]);
  });
});
