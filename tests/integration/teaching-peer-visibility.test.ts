import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countNotesByParagraph, listNotes } from "@/lib/annotations/list-notes";
import { listNotesPerParagraph } from "@/lib/annotations/list-notes-per-paragraph";
import { noteFilterOptions } from "@/lib/annotations/note-filter-options";
import { createNote, getNote } from "@/lib/annotations/note-operations";
import { ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import type { Actor } from "@/lib/authz/actor";
import { getGroupPage } from "@/lib/groups/group-queries";
import { readersAmong } from "@/lib/notifications/readers-among";
import { getReferenceEntry, type TLetterText } from "@/lib/references/reference-queries";
import { searchNotes } from "@/lib/search/search-notes";
import { parseSearchQuery } from "@/lib/search/search-schemas";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Peer visibility on every read path: three assignments (one per mode), student B's notes on each, and what student
// A, the class's teacher and a student of another class read, before and after A's own note on the paragraph and
// before and after the due date. The notes are written through createNote/createReply, then tied to their
// assignment through Prisma (what createNote and createReply store for an assignment).

const ENTRY = "volinsky";
const clock = createControllableClock();
// Due dates are compared with the time the app reads (the system clock), so they are set around it.
const NOW = new Date();
const HOUR = 3_600_000;
type Mode = "always" | "after_first_note" | "after_due";
const MODES: Mode[] = ["always", "after_first_note", "after_due"];
/** Each assignment on its own paragraph, with words and a tag found only in its notes (search, facets, filters). */
const SPOT: Record<Mode, { paragraph: string; word: string; replyWord: string; tag: string }> = {
  always: { paragraph: "p3", word: "quokka", replyWord: "pangolin", tag: "gate-always" },
  after_first_note: { paragraph: "p4", word: "narwhal", replyWord: "okapi", tag: "gate-first-note" },
  after_due: { paragraph: "p5", word: "axolotl", replyWord: "capybara", tag: "gate-due" },
};

let db: TestDatabase;
let letter: TLetterText;
let teacher: SignedInActor;
let studentA: SignedInActor;
let studentB: SignedInActor;
let otherStudent: SignedInActor;
let classId: string;
const assignmentIds = {} as Record<Mode, string>;
/** B's note, the teacher's reply to it, and B's orphaned note, per assignment. */
const notes = {} as Record<Mode, { note: string; reply: string; orphan: string }>;
/** A's own note per assignment, once written. */
const own = {} as Partial<Record<Mode, string>>;

const draft = noteDraft({ referenceType: "person", visibility: "group" });

async function student(name: string) {
  const user = await seedUser(db.prisma, { displayName: name });
  return (await signIn(db.prisma, user.id, clock)).actor as SignedInActor;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  letter = await importLetterWithIndex(db.prisma);
  [teacher, studentA, studentB, otherStudent] = await Promise.all([student("Teacher"), student("Ada"), student("Boris"), student("Olga")]);
  const otherTeacher = await student("Other teacher");
  const klass = await db.prisma.group.create({
    data: {
      kind: "class", name: "History 204", term: "Spring 2027", createdById: teacher.id,
      memberships: { create: [{ userId: teacher.id, role: "owner" }, { userId: studentA.id, role: "member" }, { userId: studentB.id, role: "member" }] },
    },
  });
  classId = klass.id;
  const otherClass = await db.prisma.group.create({
    data: {
      kind: "class", name: "History 305", createdById: otherTeacher.id,
      memberships: { create: [{ userId: otherTeacher.id, role: "owner" }, { userId: otherStudent.id, role: "member" }] },
    },
  });
  const documentId = (await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  for (const mode of MODES) {
    const assignment = await db.prisma.assignment.create({
      data: {
        groupId: classId, documentId, title: `Commentary (${mode})`, instructions: "Annotate.", fromOrdinal: 1, toOrdinal: 20,
        opensAt: new Date(NOW.getTime() - 24 * HOUR), dueAt: new Date(NOW.getTime() + 24 * HOUR), timeZone: "Europe/Berlin",
        peerVisibility: mode, state: "published", createdById: teacher.id,
      },
    });
    assignmentIds[mode] = assignment.id;
    // The other class has an assignment too, with its student's note on the same paragraph: it opens nothing here.
    const { paragraph, word, replyWord, tag } = SPOT[mode];
    const note = await createNote(db.prisma, studentB, { slug: SLUG, ...draft({ paragraph, groupId: classId, referenceEntryId: ENTRY, tags: [tag], body: `Boris on the ${word}.` }) });
    const reply = await createReply(db.prisma, teacher, { noteId: note.id, body: `The teacher on the ${replyWord}.` });
    const orphan = await createNote(db.prisma, studentB, { slug: SLUG, ...draft({ paragraph, groupId: classId, body: `Boris, orphaned, on the ${word}.` }) });
    await db.prisma.note.updateMany({ where: { id: { in: [note.id, reply.id, orphan.id] } }, data: { assignmentId: assignment.id } });
    await db.prisma.note.update({ where: { id: orphan.id }, data: { anchorStatus: "orphan" } });
    notes[mode] = { note: note.id, reply: reply.id, orphan: orphan.id };
  }
  const foreign = await db.prisma.assignment.create({
    data: {
      groupId: otherClass.id, documentId, title: "Elsewhere", instructions: "Annotate.", fromOrdinal: 1, toOrdinal: 20,
      opensAt: new Date(NOW.getTime() - 24 * HOUR), dueAt: new Date(NOW.getTime() - HOUR), timeZone: "UTC",
      peerVisibility: "always", state: "published", createdById: otherTeacher.id,
    },
  });
  const olga = await createNote(db.prisma, otherStudent, { slug: SLUG, ...draft({ paragraph: "p3", groupId: otherClass.id, body: "Olga on the quokka." }) });
  await db.prisma.note.update({ where: { id: olga.id }, data: { assignmentId: foreign.id } });
});

afterAll(async () => {
  await db?.drop();
});

async function setDue(past: boolean) {
  const dueAt = new Date(NOW.getTime() + (past ? -HOUR : 24 * HOUR));
  await db.prisma.assignment.updateMany({ where: { id: { in: Object.values(assignmentIds) } }, data: { dueAt } });
}

async function writeOwnNotes() {
  for (const mode of MODES) {
    const note = await createNote(db.prisma, studentA, { slug: SLUG, ...draft({ paragraph: SPOT[mode].paragraph, groupId: classId, body: "Ada's own reading." }) });
    await db.prisma.note.update({ where: { id: note.id }, data: { assignmentId: assignmentIds[mode] } });
    own[mode] = note.id;
  }
}

const found = async <T>(promise: Promise<T>): Promise<boolean> => {
  try {
    await promise;
    return true;
  } catch (error) {
    if ((await appErrorCode(Promise.reject(error))) === "not_found") return false;
    throw error;
  }
};

/** Whether B's note (and the teacher's reply in its thread) reaches the actor, path by path. */
async function sight(actor: Actor, mode: Mode): Promise<Record<string, boolean>> {
  const { note, reply, orphan } = notes[mode];
  const { paragraph, word, replyWord, tag } = SPOT[mode];
  const listed = (await listNotes(db.prisma, actor, SLUG, ZNoteListQuery.parse({ limit: "100" }))).notes.map((n) => n.id);
  const perParagraph = (await listNotesPerParagraph(db.prisma, actor, SLUG, {}, "position", 20)).map((n) => n.id);
  const counts = await countNotesByParagraph(db.prisma, actor, SLUG, { author: studentB.id });
  const options = await noteFilterOptions(db.prisma, actor, SLUG);
  const search = await searchNotes(db.prisma, actor, SLUG, parseSearchQuery(new URLSearchParams({ q: word })));
  const replySearch = await searchNotes(db.prisma, actor, SLUG, parseSearchQuery(new URLSearchParams({ q: replyWord })));
  const tagSearch = await searchNotes(db.prisma, actor, SLUG, parseSearchQuery(new URLSearchParams({ q: word, tag })));
  const entry = await getReferenceEntry(db.prisma, actor, ENTRY, letter);
  const orphans = (await listOrphanedNotes(db.prisma, actor, SLUG)).map((n) => n.id);
  const thread = await listThread(db.prisma, actor, note).catch(() => null);
  const notified = actor.kind === "user" ? await readersAmong(db.prisma, note, [actor.id]) : [];
  return {
    list: listed.includes(note),
    perParagraph: perParagraph.includes(note),
    // B's notes on the paragraph: the one anchored there (the orphan is counted apart).
    count: counts.get(paragraph) === 1,
    // The word is in B's note and B's orphaned note only; the tag on B's note only.
    searchTotal: search.total === 2,
    search: search.results.some((r) => r.id === note) && search.results.some((r) => r.id === orphan),
    facetTag: tagSearch.facets.tag.some((facet) => facet.value === tag && facet.count === 1),
    filterTag: options.tags.includes(tag),
    replySearch: replySearch.results.some((r) => r.id === reply),
    permalink: await found(getNote(db.prisma, actor, note)),
    replyPermalink: await found(getNote(db.prisma, actor, reply)),
    thread: thread !== null && thread.replies.some((r) => r.id === reply),
    referenceEntry: entry.notes.some(({ note: n }) => n.id === note),
    orphans: orphans.includes(orphan),
    notification: notified.length === 1,
  };
}

const everywhere = (value: boolean, keys: string[]) => Object.fromEntries(keys.map((key) => [key, value]));

async function expectSight(actor: Actor, mode: Mode, visible: boolean) {
  const seen = await sight(actor, mode);
  expect(seen).toEqual(everywhere(visible, Object.keys(seen)));
}

/** Student A's expected sight of B's notes, per mode, written out. */
const FOR_A: Record<string, Record<Mode, boolean>> = {
  "no own note, before due": { always: true, after_first_note: false, after_due: false },
  "no own note, after due": { always: true, after_first_note: false, after_due: true },
  "own note, before due": { always: true, after_first_note: true, after_due: false },
  "own note, after due": { always: true, after_first_note: true, after_due: true },
};

describe("peer visibility on every read path", () => {
  const check = async (state: string) => {
    for (const mode of MODES) {
      await expectSight(studentA, mode, FOR_A[state][mode]);
      await expectSight(teacher, mode, true);
      await expectSight(otherStudent, mode, false);
      // The author always reads their own.
      expect(await found(getNote(db.prisma, studentB, notes[mode].note))).toBe(true);
    }
  };

  it("before A's own note and before the due date", async () => {
    await setDue(false);
    await check("no own note, before due");
  });

  it("before A's own note, after the due date", async () => {
    await setDue(true);
    await check("no own note, after due");
  });

  it("after A's own note, before the due date (its own note opens only that assignment's paragraph)", async () => {
    await setDue(false);
    await writeOwnNotes();
    await check("own note, before due");
  });

  it("after A's own note and after the due date", async () => {
    await setDue(true);
    await check("own note, after due");
  });

  it("a reply to a gated note is refused as if the note did not exist (404)", async () => {
    await setDue(false);
    await db.prisma.note.update({ where: { id: own.after_first_note! }, data: { deletedAt: new Date() } });
    expect(await appErrorCode(createReply(db.prisma, studentA, { noteId: notes.after_first_note.note, body: "Me too." }))).toBe("not_found");
    // Its own note deleted, A no longer sees the classmates' notes of that paragraph.
    await expectSight(studentA, "after_first_note", false);
    await db.prisma.note.update({ where: { id: own.after_first_note! }, data: { deletedAt: null } });
  });

  it("a student of another class never sees this class's notes nor its roster", async () => {
    expect(await appErrorCode(getGroupPage(db.prisma, otherStudent, classId, clock))).toBe("not_found");
    // Its own class's assignment (peer visibility always, due passed) opens nothing in this class.
    const page = await searchNotes(db.prisma, studentA, SLUG, parseSearchQuery(new URLSearchParams({ q: "quokka" })));
    expect(page.results.some((r) => r.author.id === otherStudent.id)).toBe(false);
  });
});
