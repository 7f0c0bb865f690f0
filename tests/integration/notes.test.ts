import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, deleteNote, getNote, listNotes, updateNote } from "@/lib/annotations/note-operations";
import { ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { appErrorCode } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let author: Actor;
let member: Actor;
let outsider: Actor;
let groupId: string;
const ids: Record<string, string> = {};

const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "The G.P.U. was the political police." });

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  ({ author, member, outsider, groupId } = await seedLetterReaders(db.prisma, clock));
  ids.public = (await createNote(db.prisma, author, { slug: SLUG, ...draft() })).id;
  ids.group = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) })).id;
  ids.private = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "private" }) })).id;
});

afterAll(async () => {
  await db?.drop();
});

async function listedIds(actor: Actor) {
  const { notes } = await listNotes(db.prisma, actor, SLUG, ZNoteListQuery.parse({}));
  return notes.map((note) => note.id).sort();
}

describe("who sees which note, on every read path", () => {
  const expected = (names: string[]) => names.map((name) => ids[name]).sort();

  it("the author sees all three; a group member the public and group notes; others the public note", async () => {
    expect(await listedIds(author)).toEqual(expected(["public", "group", "private"]));
    expect(await listedIds(member)).toEqual(expected(["public", "group"]));
    expect(await listedIds(outsider)).toEqual(expected(["public"]));
    expect(await listedIds(ANONYMOUS)).toEqual(expected(["public"]));
  });

  it("reading one note answers 404 exactly where the list leaves it out", async () => {
    for (const [actor, visible] of [
      [author, ["public", "group", "private"]],
      [member, ["public", "group"]],
      [outsider, ["public"]],
      [ANONYMOUS, ["public"]],
    ] as const) {
      for (const name of ["public", "group", "private"]) {
        if (visible.includes(name as never)) expect((await getNote(db.prisma, actor, ids[name])).id).toBe(ids[name]);
        else expect(await appErrorCode(getNote(db.prisma, actor, ids[name]))).toBe("not_found");
      }
    }
  });

  it("a note that is not approved is its author's alone", async () => {
    const pending = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    await db.prisma.note.update({ where: { id: pending.id }, data: { moderationStatus: "pending" } });
    expect(await listedIds(outsider)).not.toContain(pending.id);
    expect(await appErrorCode(getNote(db.prisma, outsider, pending.id))).toBe("not_found");
    expect((await getNote(db.prisma, author, pending.id)).moderationStatus).toBe("pending");
  });
});

describe("writing notes", () => {
  it("refuses a group the writer is not in, an unknown paragraph and a quote that is not there; writes nothing", async () => {
    const before = await db.prisma.note.count();
    expect(await appErrorCode(createNote(db.prisma, outsider, { slug: SLUG, ...draft({ visibility: "group", groupId }) }))).toBe("not_found");
    expect(await appErrorCode(createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "p99" }) }))).toBe("bad_request");
    const wrong = draft({ quote: { exact: "Volinsky", prefix: "", suffix: "" }, position: { start: 0, end: 8 } });
    expect(await appErrorCode(createNote(db.prisma, author, { slug: SLUG, ...wrong }))).toBe("bad_request");
    expect(await appErrorCode(createNote(db.prisma, ANONYMOUS, { slug: SLUG, ...draft() }))).toBe("unauthenticated");
    expect(await db.prisma.note.count()).toBe(before);
  });

  it("accepts a passage whose quote stands at its code-point position", async () => {
    const text = (await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: "p1" } })).text;
    const start = [...text].join("").indexOf("Volinsky");
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "p1", referenceType: "person", quote: { exact: "Volinsky", prefix: text.slice(start - 10, start), suffix: text.slice(start + 8, start + 18) }, position: { start, end: start + 8 } }) });
    expect(note.quote?.exact).toBe("Volinsky");
    expect(note.position).toEqual({ start, end: start + 8 });
  });
});

describe("editing", () => {
  it("refuses an edit based on an old version (412) and keeps the history", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const edit = { body: "Second version.", tags: ["police"], sources: [], referenceType: "organisation" as const };
    const updated = await updateNote(db.prisma, author, { ...edit, noteId: note.id, version: 1 });
    expect(updated.version).toBe(2);
    expect(await appErrorCode(updateNote(db.prisma, author, { ...edit, body: "Stale.", noteId: note.id, version: 1 }))).toBe("precondition_failed");
    expect((await getNote(db.prisma, author, note.id)).body).toBe("Second version.");
    const revisions = await db.prisma.noteRevision.findMany({ where: { noteId: note.id } });
    expect(revisions.map((revision) => [revision.version, revision.body])).toEqual([[1, "The G.P.U. was the political police."]]);
  });

  it("of two edits from the same version, exactly one wins", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const edit = (body: string) => updateNote(db.prisma, author, { body, tags: [], sources: [], referenceType: "organisation", noteId: note.id, version: 1 });
    const results = await Promise.allSettled([edit("Edit A"), edit("Edit B")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect((await getNote(db.prisma, author, note.id)).version).toBe(2);
  });

  it("only the author edits or deletes; a deleted note disappears for everyone", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const edit = { body: "Hijacked.", tags: [], sources: [], referenceType: "organisation" as const };
    expect(await appErrorCode(updateNote(db.prisma, member, { ...edit, noteId: note.id, version: 1 }))).toBe("forbidden");
    expect(await appErrorCode(deleteNote(db.prisma, outsider, { noteId: note.id }))).toBe("forbidden");
    await deleteNote(db.prisma, author, { noteId: note.id });
    expect(await appErrorCode(getNote(db.prisma, author, note.id))).toBe("not_found");
    expect(await listedIds(author)).not.toContain(note.id);
  });
});

describe("listing", () => {
  it("pages with a cursor and filters by paragraph and visibility", async () => {
    const first = await listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ limit: "2" }));
    expect(first.notes).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ limit: "2", cursor: first.nextCursor! }));
    expect(second.notes.map((note) => note.id)).not.toContain(first.notes[0].id);
    const privateOnly = await listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ visibility: "private" }));
    expect(privateOnly.notes.every((note) => note.visibility === "private")).toBe(true);
    const p1 = await listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ paragraph: "p1" }));
    expect(p1.notes.every((note) => note.paragraph === "p1")).toBe(true);
    expect(await appErrorCode(listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ cursor: "bm9wZQ" })))).toBe("bad_request");
  });
});
