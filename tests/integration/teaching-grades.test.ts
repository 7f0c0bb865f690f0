import { parseCsvRecords } from "../support/parse-csv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, deleteNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors/app-error";
import { classNotesCsv, classNotesForExport, gradebookCsv } from "@/lib/teaching/exports";
import { addFeedback, listFeedback } from "@/lib/teaching/feedback-operations";
import { ZFeedbackInput } from "@/lib/teaching/feedback-schemas";
import { getOwnGrade, listGrades, putGrade, releaseGrades } from "@/lib/teaching/grade-operations";
import { ZGradeInput } from "@/lib/teaching/grade-schemas";
import { getAssignmentProgress } from "@/lib/teaching/progress-queries";
import { appErrorCode, appErrorOf, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
const HOUR = 3_600_000;
let db: TestDatabase;
let teacher: Actor;
let assistant: Actor;
let studentA: Actor & { kind: "user" };
let studentB: Actor & { kind: "user" };
let studentC: Actor & { kind: "user" };
let outsider: Actor;
let classId: string;
let assignmentId: string;
const ids: Record<string, string> = {};

const draft = noteDraft({ paragraph: "p3", referenceType: "person", body: "x" });
/** A grade on the assignment, as the route passes it to putGrade: the parsed body and the path's assignment. */
const grade = (input: Record<string, unknown>) => ({ ...ZGradeInput.parse(input), assignmentId });

/** Writes through the note operations, then files the note under the assignment as the student's page would. */
async function assignmentNote(actor: Actor, overrides: Record<string, unknown>) {
  const note = await createNote(db.prisma, actor, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, ...overrides }) });
  await db.prisma.note.update({ where: { id: note.id }, data: { assignmentId } });
  return note.id;
}
async function assignmentReply(actor: Actor, noteId: string, body: string) {
  const reply = await createReply(db.prisma, actor, { noteId, body });
  await db.prisma.note.update({ where: { id: reply.id }, data: { assignmentId } });
  return reply.id;
}

const parseCsv = parseCsvRecords;

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const users = await Promise.all(
    ["Teacher", "Assistant", "Ada", "Boris", "Clara", "Outsider"].map((displayName) => seedUser(db.prisma, { displayName, trusted: true })),
  );
  const actors = await Promise.all(users.map(async (user) => (await signIn(db.prisma, user.id, clock)).actor));
  [teacher, assistant, studentA, studentB, studentC, outsider] = actors as [Actor, Actor, typeof studentA, typeof studentB, typeof studentC, Actor];
  const group = await db.prisma.group.create({
    data: {
      kind: "class",
      name: "History 204",
      createdById: users[0]!.id,
      memberships: {
        create: [
          { userId: users[0]!.id, role: "owner" },
          { userId: users[1]!.id, role: "moderator" },
          ...users.slice(2, 5).map((user) => ({ userId: user.id, role: "member" as const })),
        ],
      },
    },
  });
  classId = group.id;
  const document = await db.prisma.document.findFirstOrThrow({ where: { slug: SLUG } });
  const assignment = await db.prisma.assignment.create({
    data: {
      groupId: classId, documentId: document.id, title: "Reading the letter, ¶1–¶12", instructions: "Annotate.", fromOrdinal: 1, toOrdinal: 12,
      opensAt: new Date(clock.now().getTime() - 24 * HOUR), dueAt: new Date(clock.now().getTime() + 24 * HOUR), timeZone: "Europe/Berlin",
      minNotes: 2, minReplies: 1, requiredTypes: ["person"], peerVisibility: "always", state: "published", maxPoints: 20,
      rubric: [{ criterion: "Accuracy", points: 12 }, { criterion: "Engagement", points: 8 }], createdById: users[0]!.id,
    },
  });
  assignmentId = assignment.id;

  // Ada: two notes (5 and 2 words once the Markdown is stripped), a reply to Boris (4 words), a reply to herself (not counted).
  ids.a1 = await assignmentNote(studentA, { body: "Stalin's *secretariat* ran the [apparatus](https://example.org/a).", referenceType: "person" });
  ids.a2 = await assignmentNote(studentA, { paragraph: "p4", body: "- Alma-Ata\n- exile", referenceType: "place" });
  // Boris: one note (4 words), a reply to Ada (1 word), a deleted note (not counted).
  ids.b1 = await assignmentNote(studentB, { body: "Trotsky writes from exile.", referenceType: "event" });
  ids.bReply = await assignmentReply(studentB, ids.a1, "Why?");
  ids.aReply = await assignmentReply(studentA, ids.b1, "I agree with **this**.");
  ids.aSelf = await assignmentReply(studentA, ids.a1, "Adding more.");
  ids.bDeleted = await assignmentNote(studentB, { body: "A second thought, withdrawn.", referenceType: "person" });
  await deleteNote(db.prisma, studentB, { noteId: ids.bDeleted });
  // Not on the assignment: a class note without it, and a public note.
  await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, body: "Off the assignment." }) });
  await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ body: "In public." }) });
});

afterAll(async () => {
  await db?.drop();
});

describe("the teacher's table and the gradebook", () => {
  it("counts each student's notes, replies to classmates, words, types and status from the notes written", async () => {
    const { rows } = await getAssignmentProgress(db.prisma, teacher, assignmentId, clock);
    const byName = Object.fromEntries(rows.map((row) => [row.student.displayName, row]));
    expect(Object.keys(byName).sort()).toEqual(["Ada", "Boris", "Clara"]);
    expect(byName.Ada).toMatchObject({ notes: 2, replies: 1, words: 11, referenceTypes: ["person", "place"], requirementsMet: true, status: "requirements met", late: false });
    expect(byName.Boris).toMatchObject({ notes: 1, replies: 1, words: 5, referenceTypes: ["event"], missingTypes: ["person"], requirementsMet: false, status: "in progress" });
    expect(byName.Clara).toMatchObject({ notes: 0, replies: 0, words: 0, referenceTypes: [], status: "not started", firstActivity: null, lastActivity: null });
    // A teaching assistant (the class's moderator) reads the same table.
    expect((await getAssignmentProgress(db.prisma, assistant, assignmentId, clock)).rows).toHaveLength(3);
  });

  it("the gradebook CSV has one row per student with the table's figures", async () => {
    const { csv, fileName } = await gradebookCsv(db.prisma, teacher, assignmentId, clock);
    expect(fileName).toBe("reading-the-letter-1-12-gradebook.csv");
    const rows = parseCsv(csv);
    expect(rows.map((row) => row.student).sort()).toEqual(["Ada", "Boris", "Clara"]);
    const ada = rows.find((row) => row.student === "Ada")!;
    expect(ada).toMatchObject({ student_id: studentA.id, notes: "2", replies: "1", words: "11", reference_types: "person place", requirements_met: "yes", late: "no", max_points: "20" });
  });

  it("the class's notes export holds the live notes and replies of the assignment, as CSV and JSON", async () => {
    const { notes } = await classNotesForExport(db.prisma, teacher, assignmentId);
    expect(notes.map((note) => note.id).sort()).toEqual([ids.a1, ids.a2, ids.b1, ids.bReply, ids.aReply, ids.aSelf].sort());
    const rows = parseCsv((await classNotesCsv(db.prisma, teacher, assignmentId)).csv);
    expect(rows.map((row) => row.id).sort()).toEqual(notes.map((note) => note.id).sort());
    expect(rows.find((row) => row.id === ids.a2)).toMatchObject({ author: "Ada", paragraph: "p4", body: "'- Alma-Ata\n- exile" });
    // (the apostrophe: a cell starting with "-" would be read as a formula by a spreadsheet)
  });

  it("work after the due date completes the requirements late", async () => {
    const late = await assignmentNote(studentB, { paragraph: "p5", body: "Bukharin, at last.", referenceType: "person" });
    const { dueAt } = await db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await db.prisma.note.update({ where: { id: late }, data: { createdAt: new Date(dueAt.getTime() + 1) } });
    try {
      const { rows } = await getAssignmentProgress(db.prisma, teacher, assignmentId, clock);
      expect(rows.find((row) => row.student.id === studentB.id)).toMatchObject({ notes: 2, requirementsMet: true, status: "late", late: true });
      // Exactly at the due instant is still on time.
      await db.prisma.note.update({ where: { id: late }, data: { createdAt: dueAt } });
      const onTime = await getAssignmentProgress(db.prisma, teacher, assignmentId, clock);
      expect(onTime.rows.find((row) => row.student.id === studentB.id)).toMatchObject({ status: "requirements met", late: false });
    } finally {
      await db.prisma.note.delete({ where: { id: late } });
    }
  });

  it("students and outsiders get neither the table nor any export (404)", async () => {
    for (const actor of [studentA, studentB, outsider]) {
      expect(await appErrorCode(getAssignmentProgress(db.prisma, actor, assignmentId, clock))).toBe("not_found");
      expect(await appErrorCode(gradebookCsv(db.prisma, actor, assignmentId, clock))).toBe("not_found");
      expect(await appErrorCode(classNotesCsv(db.prisma, actor, assignmentId))).toBe("not_found");
    }
  });
});

describe("private feedback", () => {
  it("the teacher writes it; the note's author reads it; a classmate and an outsider get 404; the author cannot write it", async () => {
    const written = await addFeedback(db.prisma, teacher, { noteId: ids.a1, ...ZFeedbackInput.parse({ body: "Name the secretariat's head." }) });
    expect((await listFeedback(db.prisma, studentA, ids.a1)).feedback.map((item) => item.id)).toEqual([written.id]);
    expect((await listFeedback(db.prisma, studentA, ids.a1)).mayWrite).toBe(false);
    expect((await listFeedback(db.prisma, assistant, ids.a1)).mayWrite).toBe(true);
    expect(await appErrorCode(listFeedback(db.prisma, studentB, ids.a1))).toBe("not_found");
    expect(await appErrorCode(listFeedback(db.prisma, outsider, ids.a1))).toBe("not_found");
    expect(await appErrorCode(addFeedback(db.prisma, studentA, { noteId: ids.a1, body: "Self-praise." }))).toBe("forbidden");
    expect(await appErrorCode(addFeedback(db.prisma, studentB, { noteId: ids.a1, body: "Nosy." }))).toBe("not_found");
    expect(await db.prisma.feedback.count()).toBe(1);
  });

  it("a note outside any assignment takes no feedback (404)", async () => {
    const plain = await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, body: "Unassigned." }) });
    expect(await appErrorCode(addFeedback(db.prisma, teacher, { noteId: plain.id, body: "Hm." }))).toBe("not_found");
  });
});

describe("grades", () => {
  it("refuses points above the maximum and a rubric score above its criterion, with field messages (400)", async () => {
    const over = await appErrorOf(putGrade(db.prisma, teacher, grade({ studentId: studentA.id, points: 21 })));
    expect(over.code).toBe("bad_request");
    expect(over.details.fields?.points?.[0]).toMatch(/At most 20/);
    const rubric = await appErrorOf(
      putGrade(db.prisma, teacher, grade({ studentId: studentA.id, rubricScores: [{ criterion: "Accuracy", points: 13 }, { criterion: "Engagement", points: 1 }] })),
    );
    expect(rubric.details.fields?.["rubricScores.0.points"]?.[0]).toMatch(/At most 12/);
    const teacherAsStudent = await appErrorOf(putGrade(db.prisma, teacher, grade({ studentId: outsider.kind === "user" ? outsider.id : "", points: 3 })));
    expect(teacherAsStudent.details.fields?.studentId).toBeDefined();
    expect(await db.prisma.grade.count()).toBe(0);
  });

  it("students cannot grade, nor read any grade before the release; release shows each their own and never another's", async () => {
    const ada = await putGrade(db.prisma, teacher, grade({
      studentId: studentA.id, rubricScores: [{ criterion: "Accuracy", points: 10 }, { criterion: "Engagement", points: 7 }], comment: "Good work, see the feedback.",
    }));
    expect(ada.points).toBe(17);
    await putGrade(db.prisma, assistant, grade({ studentId: studentB.id, points: 8 }));
    expect(await appErrorCode(putGrade(db.prisma, studentA, grade({ studentId: studentB.id, points: 20 })))).toBe("not_found");
    expect(await appErrorCode(putGrade(db.prisma, studentA, grade({ studentId: studentA.id, points: 20 })))).toBe("not_found");

    for (const student of [studentA, studentB, studentC]) {
      expect(await appErrorCode(getOwnGrade(db.prisma, student, assignmentId))).toBe("not_found");
      expect(await appErrorCode(listGrades(db.prisma, student, assignmentId))).toBe("not_found");
    }
    expect((await listGrades(db.prisma, teacher, assignmentId)).map((g) => g.points).sort()).toEqual([17, 8].sort());
    expect(await appErrorCode(releaseGrades(db.prisma, studentA, { assignmentId }, { clock }))).toBe("forbidden");
    expect(await appErrorCode(releaseGrades(db.prisma, outsider, { assignmentId }, { clock }))).toBe("not_found");

    const released = await releaseGrades(db.prisma, teacher, { assignmentId }, { clock });
    expect(released.gradesReleasedAt).toBe(clock.now().toISOString());
    expect(await getOwnGrade(db.prisma, studentA, assignmentId)).toMatchObject({ studentId: studentA.id, points: 17, comment: "Good work, see the feedback." });
    expect((await listGrades(db.prisma, studentA, assignmentId)).map((g) => g.studentId)).toEqual([studentA.id]);
    expect((await listGrades(db.prisma, studentB, assignmentId)).map((g) => g.studentId)).toEqual([studentB.id]);
    // Clara has no grade; an outsider none to read.
    expect(await appErrorCode(getOwnGrade(db.prisma, studentC, assignmentId))).toBe("not_found");
    expect(await appErrorCode(getOwnGrade(db.prisma, outsider, assignmentId))).toBe("not_found");
    // Still no gradebook for a student after the release.
    expect(await appErrorCode(gradebookCsv(db.prisma, studentA, assignmentId, clock))).toBe("not_found");

    const rows = parseCsv((await gradebookCsv(db.prisma, teacher, assignmentId, clock)).csv);
    expect(rows.find((row) => row.student === "Ada")).toMatchObject({ points: "17", "rubric: Accuracy": "10", "rubric: Engagement": "7", comment: "Good work, see the feedback." });
    expect(rows.find((row) => row.student === "Clara")).toMatchObject({ points: "" });
  });

  it("an unknown assignment is 404, not an error", async () => {
    const error = await appErrorOf(listGrades(db.prisma, teacher, "not-a-uuid"));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("not_found");
  });
});
