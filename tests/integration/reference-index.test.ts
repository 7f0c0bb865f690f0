import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, deleteNote, updateNote } from "@/lib/annotations/note-operations";
import { ZCreateNote } from "@/lib/annotations/note-schemas";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { getReferenceEntry, listReferenceEntries, type TLetterText } from "@/lib/references/reference-queries";
import { REFERENCE_TYPES } from "@/lib/references/reference-schemas";
import { appErrorCode, appErrorOf } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ENTRY = "volinsky";
const clock = createControllableClock();
let db: TestDatabase;
let letter: TLetterText;
let author: Actor;
let member: Actor;
let outsider: Actor;
let groupId: string;
const ids: Record<string, string> = {};

const draft = noteDraft({ paragraph: "p1", referenceType: "person", body: "Volinsky spoke for the G.P.U." });

/** The ids of the notes an entry's page lists for the actor. */
async function listedNoteIds(actor: Actor, entry = ENTRY) {
  const page = await getReferenceEntry(db.prisma, actor, entry, letter);
  return page.notes.map(({ note }) => note.id).sort();
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  letter = await importLetterWithIndex(db.prisma);
  ({ author, member, outsider, groupId } = await seedLetterReaders(db.prisma, clock));
  ids.public = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: ENTRY }) })).id;
  ids.group = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: ENTRY, visibility: "group", groupId }) })).id;
  ids.private = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: ENTRY, visibility: "private" }) })).id;
  ids.unlinked = (await createNote(db.prisma, author, { slug: SLUG, ...draft() })).id;
});

afterAll(async () => {
  await db?.drop();
});

describe("the index", () => {
  it("lists every seeded entry once, grouped by type in the index's order, alphabetically within a type", async () => {
    const groups = await listReferenceEntries(db.prisma, ANONYMOUS);
    const all = groups.flatMap((group) => group.entries);
    expect(all).toHaveLength(await db.prisma.referenceEntry.count());
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length);
    const types = groups.map((group) => group.type);
    expect(types).toEqual(REFERENCE_TYPES.filter((type) => types.includes(type)));
    for (const group of groups) {
      expect(group.entries.every((entry) => entry.type === group.type)).toBe(true);
      const names = group.entries.map((entry) => entry.name);
      expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "en", { sensitivity: "base" })));
    }
  });
});

describe("an entry's page", () => {
  it("lists the passages of the letter that mention it, with the mention in context", async () => {
    const page = await getReferenceEntry(db.prisma, ANONYMOUS, "ogpu", letter);
    expect(page.entry.name).toBe("Joint State Political Directorate (OGPU)");
    const mentions = page.passages.flatMap((passage) => passage.mentions.map((mention) => ({ anchor: passage.anchor, ...mention })));
    expect(mentions).toHaveLength(10);
    expect(mentions[0].anchor).toBe("p1");
    const p1 = letter.paragraphs.find((paragraph) => paragraph.anchor === "p1")!.text;
    expect([...p1].slice(mentions[0].start, mentions[0].end).join("")).toBe("G.P.U.");
    expect(mentions[0].snippet.mention).toBe("G.P.U.");
    expect(page.identifierLinks).toEqual([]); // the seed records no identifiers it cannot support
  });

  it("answers not_found for an unknown or malformed id", async () => {
    expect(await appErrorCode(getReferenceEntry(db.prisma, ANONYMOUS, "no-such-entry", letter))).toBe("not_found");
    expect(await appErrorCode(getReferenceEntry(db.prisma, author, "Not An Id", letter))).toBe("not_found");
  });

  it("lists only the linked notes each reader may see", async () => {
    const expected = (names: string[]) => names.map((name) => ids[name]).sort();
    expect(await listedNoteIds(author)).toEqual(expected(["public", "group", "private"]));
    expect(await listedNoteIds(member)).toEqual(expected(["public", "group"]));
    expect(await listedNoteIds(outsider)).toEqual(expected(["public"]));
    expect(await listedNoteIds(ANONYMOUS)).toEqual(expected(["public"]));
    const page = await getReferenceEntry(db.prisma, outsider, ENTRY, letter);
    expect(page.noteCount).toBe(1);
    expect(page.notes[0].documentSlug).toBe(SLUG);
  });

  it("leaves out deleted notes", async () => {
    const doomed = await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: ENTRY }) });
    expect(await listedNoteIds(ANONYMOUS)).toContain(doomed.id);
    await deleteNote(db.prisma, author, { noteId: doomed.id });
    expect(await listedNoteIds(ANONYMOUS)).not.toContain(doomed.id);
    expect(await listedNoteIds(author)).not.toContain(doomed.id);
  });
});

describe("linking a note to an entry", () => {
  it("links a note to a known entry and shows the link", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: "ogpu", referenceType: "organisation" }) });
    expect(note.referenceEntry).toEqual({ id: "ogpu", name: "Joint State Political Directorate (OGPU)" });
    expect(await listedNoteIds(ANONYMOUS, "ogpu")).toContain(note.id);
  });

  it("refuses an unknown entry with a field message and writes nothing", async () => {
    const before = await db.prisma.note.count();
    const error = await appErrorOf(createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: "no-such-entry" }) }));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields).toEqual({ referenceEntryId: ["No such entry in the reference index"] });
    expect(await db.prisma.note.count()).toBe(before);
  });

  it("refuses an id that is not an entry's form before it reaches the database", () => {
    const result = ZCreateNote.safeParse({ paragraph: "p1", referenceType: "person", body: "x", visibility: "public", referenceEntryId: "Robert'); DROP" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["referenceEntryId"]);
  });

  it("changes, keeps or removes the link on edit, and refuses an unknown entry", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ referenceEntryId: ENTRY }) });
    const error = await appErrorOf(updateNote(db.prisma, author, { body: "Edited.", referenceEntryId: "no-such-entry", noteId: note.id, version: 1 }));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields).toEqual({ referenceEntryId: ["No such entry in the reference index"] });
    const kept = await updateNote(db.prisma, author, { body: "Edited.", noteId: note.id, version: 1 });
    expect(kept.referenceEntry?.id).toBe(ENTRY);
    const changed = await updateNote(db.prisma, author, { body: "Edited again.", referenceEntryId: "ogpu", noteId: note.id, version: 2 });
    expect(changed.referenceEntry?.id).toBe("ogpu");
    const removed = await updateNote(db.prisma, author, { body: "Unlinked.", referenceEntryId: null, noteId: note.id, version: 3 });
    expect(removed.referenceEntry).toBeNull();
    expect(await listedNoteIds(author, "ogpu")).not.toContain(note.id);
  });
});
