import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import type { Actor } from "@/lib/authz/actor";
import { createAssignment, updateAssignment } from "@/lib/teaching/assignment-operations";
import { getAssignment, listAssignments } from "@/lib/teaching/assignment-queries";
import { ZCreateAssignment, ZUpdateAssignment } from "@/lib/teaching/assignment-schemas";
import { appErrorCode, appErrorOf, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock(new Date("2027-03-01T09:00:00.000Z"));
let db: TestDatabase;
let teacher: Actor;
let studentA: Actor;
let studentB: Actor;
let outsider: Actor;
let classId: string;
let researchId: string;

const draft = noteDraft({ paragraph: "p3", referenceType: "person", body: "Stalin's secretary." });
// Due 10 March 2027, 23:59 in Berlin (CET) = 22:59Z.
const DUE = new Date("2027-03-10T22:59:00.000Z");
const input = (overrides: Record<string, unknown> = {}) =>
  ZCreateAssignment.parse({
    title: "The Opposition's platform",
    instructions: "Annotate the people named in **these** paragraphs.",
    fromParagraph: "p2",
    toParagraph: "p5",
    opensAt: "2026-11-01T09:00",
    dueAt: "2027-03-10T23:59",
    timeZone: "Europe/Berlin",
    minNotes: 1,
    minReplies: 1,
    ...overrides,
  });
const update = (body: Record<string, unknown>) => ZUpdateAssignment.parse(body);
const statusOf = async (actor: Actor, assignmentId: string) => (await getAssignment(db.prisma, actor, assignmentId, clock)).own?.status;

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const [t, a, b, o] = await Promise.all([seedUser(db.prisma), seedUser(db.prisma), seedUser(db.prisma), seedUser(db.prisma)]);
  [teacher, studentA, studentB, outsider] = await Promise.all([t, a, b, o].map(async (user) => (await signIn(db.prisma, user.id, clock)).actor));
  classId = (
    await db.prisma.group.create({
      data: { kind: "class", name: "History 101", createdById: t.id, memberships: { create: [{ userId: t.id, role: "owner" }, { userId: a.id, role: "member" }, { userId: b.id, role: "member" }] } },
    })
  ).id;
  researchId = (await db.prisma.group.create({ data: { kind: "research", name: "Readers", createdById: t.id, memberships: { create: [{ userId: t.id, role: "owner" }] } } })).id;
});

afterAll(async () => {
  await db?.drop();
});

describe("setting an assignment", () => {
  it("refuses a due date before the opening date and an unknown zone, with field messages (400, not 500)", () => {
    const result = ZCreateAssignment.safeParse({ ...input(), dueAt: "2026-10-20T10:00" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["dueAt", "The due date must be after the opening date"]]);
    const zone = ZCreateAssignment.safeParse({ ...input(), timeZone: "Europe/Atlantis" });
    expect(zone.error!.issues.map((issue) => issue.path.join("."))).toEqual(["timeZone"]);
  });

  it("stores the wall-clock dates as instants of the zone, the range as the letter's ordinals", async () => {
    const { id } = await createAssignment(db.prisma, teacher, { groupId: classId, ...input() });
    const view = await getAssignment(db.prisma, teacher, id, clock);
    expect(view).toMatchObject({ state: "draft", dueAt: DUE, timeZone: "Europe/Berlin", dueAtLocal: "2027-03-10T23:59", fromParagraph: "p2", toParagraph: "p5", mayManage: true });
    expect(view.coveredParagraphs).toEqual(["p2", "p3", "p4", "p5"]);
  });

  it("refuses an unknown paragraph, a backwards range and a passage outside it; writes nothing", async () => {
    const before = await db.prisma.assignment.count();
    expect((await appErrorOf(createAssignment(db.prisma, teacher, { groupId: classId, ...input({ toParagraph: "p9999" }) }))).details.fields).toEqual({ toParagraph: ["No such paragraph in the letter"] });
    expect((await appErrorOf(createAssignment(db.prisma, teacher, { groupId: classId, ...input({ fromParagraph: "p5", toParagraph: "p2" }) }))).details.fields?.toParagraph).toBeDefined();
    const outside = input({ passages: [{ paragraph: "p9", start: 0, end: 5 }] });
    expect((await appErrorOf(createAssignment(db.prisma, teacher, { groupId: classId, ...outside }))).details.fields?.passages).toBeDefined();
    expect(await db.prisma.assignment.count()).toBe(before);
  });

  it("students may not set one (403), outsiders do not learn of the class (404), research groups take none (403)", async () => {
    expect(await appErrorCode(createAssignment(db.prisma, studentA, { groupId: classId, ...input() }))).toBe("forbidden");
    expect(await appErrorCode(createAssignment(db.prisma, outsider, { groupId: classId, ...input() }))).toBe("not_found");
    expect(await appErrorCode(createAssignment(db.prisma, teacher, { groupId: researchId, ...input() }))).toBe("forbidden");
  });
});

describe("drafts, publishing and closing", () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await createAssignment(db.prisma, teacher, { groupId: classId, ...input({ title: "Draft first" }) }));
  });

  it("a draft is invisible to students: 404 to read, left out of the list, 404 to write a note for", async () => {
    expect(await appErrorCode(getAssignment(db.prisma, studentA, id, clock))).toBe("not_found");
    expect((await listAssignments(db.prisma, studentA, classId, clock)).assignments.map((a) => a.id)).not.toContain(id);
    expect((await listAssignments(db.prisma, teacher, classId, clock)).assignments.map((a) => a.id)).toContain(id);
    expect(await appErrorCode(createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) }))).toBe("not_found");
    expect(await appErrorCode(updateAssignment(db.prisma, studentA, { assignmentId: id, ...update({ state: "published" }) }))).toBe("not_found");
  });

  it("publishing shows it to the class; a published one cannot go back to draft (409); students cannot edit it (403)", async () => {
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "published" }) });
    expect((await getAssignment(db.prisma, studentA, id, clock)).state).toBe("published");
    expect(await appErrorCode(updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "draft" }) }))).toBe("conflict");
    expect(await appErrorCode(updateAssignment(db.prisma, studentA, { assignmentId: id, ...update({ title: "Mine now" }) }))).toBe("forbidden");
    expect(await appErrorCode(getAssignment(db.prisma, outsider, id, clock))).toBe("not_found");
  });

  it("an edit with a due date before the opening is refused on dueAt; changing only the zone keeps the times of day", async () => {
    const error = await appErrorOf(updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ dueAt: "2026-10-01T10:00" }) }));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields).toEqual({ dueAt: ["The due date must be after the opening date"] });
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ timeZone: "America/New_York" }) });
    const view = await getAssignment(db.prisma, teacher, id, clock);
    expect(view).toMatchObject({ dueAtLocal: "2027-03-10T23:59", timeZone: "America/New_York", dueAt: new Date("2027-03-11T04:59:00.000Z") });
  });

  it("a closed assignment takes no notes or replies (409 'This assignment is closed'); reopening takes them again", async () => {
    const note = await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) });
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "closed" }) });
    const refused = await appErrorOf(createNote(db.prisma, studentB, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) }));
    expect([refused.code, refused.message]).toEqual(["conflict", "This assignment is closed"]);
    const reply = await appErrorOf(createReply(db.prisma, studentB, { noteId: note.id, body: "Agreed." }));
    expect([reply.code, reply.message]).toEqual(["conflict", "This assignment is closed"]);
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "published" }) });
    expect((await createReply(db.prisma, studentB, { noteId: note.id, body: "Agreed." })).id).toBeDefined();
  });
});

describe("students' notes on an assignment", () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await createAssignment(db.prisma, teacher, { groupId: classId, ...input({ title: "Work", requiredTypes: ["person"] }) }));
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "published" }) });
  });

  it("refuses a paragraph outside the covered range (400 on paragraph) and a note not shared with the class (400)", async () => {
    const before = await db.prisma.note.count();
    const outside = await appErrorOf(createNote(db.prisma, studentA, { slug: SLUG, ...draft({ paragraph: "p9", visibility: "group", groupId: classId, assignmentId: id }) }));
    expect([outside.code, outside.details.fields]).toEqual(["bad_request", { paragraph: ["This paragraph is not among the passages the assignment covers"] }]);
    const shared = await appErrorOf(createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "public", assignmentId: id }) }));
    expect([shared.code, Object.keys(shared.details.fields ?? {})]).toEqual(["bad_request", ["visibility"]]);
    expect(await appErrorCode(createNote(db.prisma, outsider, { slug: SLUG, ...draft({ visibility: "public", assignmentId: id }) }))).toBe("not_found");
    expect(await db.prisma.note.count()).toBe(before);
  });

  it("statuses follow the real notes: not started, in progress, requirements met, late", async () => {
    expect(await statusOf(studentA, id)).toBe("not started");
    const noteA = await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) });
    expect(noteA.id).toBeDefined();
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: noteA.id } })).assignmentId).toBe(id);
    expect(await statusOf(studentA, id)).toBe("in progress");

    const noteB = await createNote(db.prisma, studentB, { slug: SLUG, ...draft({ paragraph: "p4", visibility: "group", groupId: classId, assignmentId: id }) });
    // A reply to one's own note is no reply to a classmate.
    await createReply(db.prisma, studentA, { noteId: noteA.id, body: "And more." });
    expect(await statusOf(studentA, id)).toBe("in progress");
    const replyA = await createReply(db.prisma, studentA, { noteId: noteB.id, body: "Which secretary?" });
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: replyA.id } })).assignmentId).toBe(id);
    expect(await statusOf(studentA, id)).toBe("requirements met");

    // B's reply lands after the due instant: met late.
    const replyB = await createReply(db.prisma, studentB, { noteId: noteA.id, body: "Bazhanov." });
    await db.prisma.note.update({ where: { id: replyB.id }, data: { createdAt: new Date(DUE.getTime() + 60_000) } });
    await db.prisma.note.update({ where: { id: noteB.id }, data: { createdAt: new Date(DUE.getTime() - 60_000) } });
    expect(await statusOf(studentB, id)).toBe("late");

    const list = await listAssignments(db.prisma, studentA, classId, clock);
    expect(list.assignments.find((a) => a.id === id)?.own).toMatchObject({ status: "requirements met", notes: 1, replies: 1, coveredTypes: ["person"] });
    // Teachers have no own status.
    expect((await getAssignment(db.prisma, teacher, id, clock)).own).toBeNull();
  });

  it("editing the published assignment keeps the students' work", async () => {
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ fromParagraph: "p6", toParagraph: "p8", title: "Work, revised" }) });
    expect(await db.prisma.note.count({ where: { assignmentId: id } })).toBeGreaterThanOrEqual(4);
    expect(await statusOf(studentA, id)).toBe("requirements met");
  });
});

describe("before the opening date", () => {
  it("students cannot yet write for it (409, naming the date in the assignment's zone); its teachers can try it out", async () => {
    const { id } = await createAssignment(db.prisma, teacher, { groupId: classId, ...input({ title: "Next month", opensAt: "2030-01-10T09:00", dueAt: "2030-01-20T23:59" }) });
    await updateAssignment(db.prisma, teacher, { assignmentId: id, ...update({ state: "published" }) });
    const early = await appErrorOf(createNote(db.prisma, studentA, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) }));
    expect([early.code, early.message]).toEqual(["conflict", expect.stringContaining("This assignment opens on")]);
    const tried = await createNote(db.prisma, teacher, { slug: SLUG, ...draft({ visibility: "group", groupId: classId, assignmentId: id }) });
    expect(tried.id).toBeTruthy();
  });
});
