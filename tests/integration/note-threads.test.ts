import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, deleteNote, getNote, listNotes, updateNote } from "@/lib/annotations/note-operations";
import { listNoteHistory } from "@/lib/annotations/note-history";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import { ZCreateReply, ZEditNote, ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { appErrorCode, appErrorOf } from "./support/account-fixtures";
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

const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "The G.P.U. was the political police." });
const reply = (body: string, parentId?: string) => ZCreateReply.parse({ body, ...(parentId ? { parentId } : {}) });
const edit = (input: Record<string, unknown>) => ZEditNote.parse(input);

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  // Trusted writers: their public replies are published at once (pre-moderation is tested in moderation*.test.ts).
  ({ author, member, outsider, groupId } = await seedLetterReaders(db.prisma, clock, {
    names: { author: "Author", member: "Member", outsider: "Outsider" },
    trusted: { member: true, outsider: true },
  }));
});

afterAll(async () => {
  await db?.drop();
});

const replyCountOf = async (noteId: string) => (await db.prisma.note.findUniqueOrThrow({ where: { id: noteId } })).replyCount;

describe("who may read and write replies", () => {
  it("a reply is visible exactly where its note is, for the author, a member, an outsider and an anonymous reader", async () => {
    const notes = {
      public: await createNote(db.prisma, author, { slug: SLUG, ...draft() }),
      group: await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) }),
      private: await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "private" }) }),
    };
    const replies = {
      public: await createReply(db.prisma, author, { noteId: notes.public.id, ...reply("On the public note.") }),
      group: await createReply(db.prisma, member, { noteId: notes.group.id, ...reply("On the group note.") }),
      private: await createReply(db.prisma, author, { noteId: notes.private.id, ...reply("On the private note.") }),
    };
    expect(replies.group).toMatchObject({ visibility: "group", group: { id: groupId }, threadId: notes.group.id, parentId: notes.group.id });
    expect(replies.private).toMatchObject({ visibility: "private", referenceType: "organisation", tags: [], sources: [], quote: null, position: null });

    for (const [actor, visible] of [
      [author, ["public", "group", "private"]],
      [member, ["public", "group"]],
      [outsider, ["public"]],
      [ANONYMOUS, ["public"]],
    ] as const) {
      for (const name of ["public", "group", "private"] as const) {
        if (visible.includes(name as never)) {
          const thread = await listThread(db.prisma, actor, notes[name].id);
          expect(thread.replies.map((r) => r.id)).toEqual([replies[name].id]);
          expect((await getNote(db.prisma, actor, replies[name].id)).id).toBe(replies[name].id);
        } else {
          expect(await appErrorCode(listThread(db.prisma, actor, notes[name].id))).toBe("not_found");
          expect(await appErrorCode(getNote(db.prisma, actor, replies[name].id))).toBe("not_found");
        }
      }
    }
  });

  it("an outsider replying to a group or private note gets 404, an anonymous reader 401; nothing is written", async () => {
    const groupNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) });
    const privateNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "private" }) });
    const publicNote = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const before = await db.prisma.note.count();
    expect(await appErrorCode(createReply(db.prisma, outsider, { noteId: groupNote.id, ...reply("Let me in.") }))).toBe("not_found");
    expect(await appErrorCode(createReply(db.prisma, outsider, { noteId: privateNote.id, ...reply("Let me in.") }))).toBe("not_found");
    expect(await appErrorCode(createReply(db.prisma, member, { noteId: privateNote.id, ...reply("Let me in.") }))).toBe("not_found");
    expect(await appErrorCode(createReply(db.prisma, ANONYMOUS, { noteId: publicNote.id, ...reply("Anonymous.") }))).toBe("unauthenticated");
    expect(await appErrorCode(createReply(db.prisma, ANONYMOUS, { noteId: privateNote.id, ...reply("Anonymous.") }))).toBe("unauthenticated");
    expect(await db.prisma.note.count()).toBe(before);
    expect(await replyCountOf(groupNote.id)).toBe(0);
  });

  it("refuses a parent from another thread, an unknown parent and an empty body, with field messages", async () => {
    const one = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const other = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const elsewhere = await createReply(db.prisma, member, { noteId: other.id, ...reply("Elsewhere.") });
    const before = await db.prisma.note.count();
    const foreign = await appErrorOf(createReply(db.prisma, member, { noteId: one.id, ...reply("Misplaced.", elsewhere.id) }));
    expect(foreign.code).toBe("bad_request");
    expect(foreign.details.fields?.parentId).toEqual(["Not a reply in this thread"]);
    const unknown = await appErrorOf(createReply(db.prisma, member, { noteId: one.id, ...reply("Misplaced.", "00000000-0000-4000-8000-000000000000") }));
    expect(unknown.details.fields?.parentId).toEqual(["Not a reply in this thread"]);
    // Another thread's note, named as the parent, is not a reply in this thread either.
    expect(await appErrorCode(createReply(db.prisma, member, { noteId: one.id, ...reply("Misplaced.", other.id) }))).toBe("bad_request");
    // Replies are posted to the thread's note, not to a reply's id.
    expect(await appErrorCode(createReply(db.prisma, member, { noteId: elsewhere.id, ...reply("Nested the wrong way.") }))).toBe("bad_request");
    expect(ZCreateReply.safeParse({ body: "   " }).success).toBe(false);
    expect(await db.prisma.note.count()).toBe(before);
  });
});

describe("threads", () => {
  it("orders replies depth first, caps the displayed depth at 3 and names whom deeper replies answer", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const r1 = await createReply(db.prisma, member, { noteId: note.id, ...reply("First.") });
    const r2 = await createReply(db.prisma, author, { noteId: note.id, ...reply("Second, to the note.") });
    const r11 = await createReply(db.prisma, outsider, { noteId: note.id, ...reply("To the first.", r1.id) });
    const r111 = await createReply(db.prisma, author, { noteId: note.id, ...reply("Deeper.", r11.id) });
    const r1111 = await createReply(db.prisma, member, { noteId: note.id, ...reply("Deeper still.", r111.id) });
    const thread = await listThread(db.prisma, outsider, note.id);
    expect(thread.replies.map((r) => [r.id, r.depth, r.inReplyTo?.author ?? null])).toEqual([
      [r1.id, 1, null],
      [r11.id, 2, null],
      [r111.id, 3, null],
      [r1111.id, 3, "Author"],
      [r2.id, 1, null],
    ]);
    expect(thread.canReply).toBe(true);
    expect(await replyCountOf(note.id)).toBe(5);
    expect((await listThread(db.prisma, ANONYMOUS, note.id)).canReply).toBe(false);
  });

  it("keeps a deleted note with replies as a placeholder; a deleted note without replies disappears", async () => {
    const kept = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "Soon deleted, but answered." }) });
    const answer = await createReply(db.prisma, member, { noteId: kept.id, ...reply("An answer.") });
    const gone = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "Soon deleted, never answered." }) });
    await deleteNote(db.prisma, author, { noteId: kept.id });
    await deleteNote(db.prisma, author, { noteId: gone.id });

    for (const actor of [author, member, outsider, ANONYMOUS]) {
      const thread = await listThread(db.prisma, actor, kept.id);
      expect(thread.note).toMatchObject({ id: kept.id, deleted: true, body: "", bodyHtml: "" });
      // Not even who wrote it.
      expect(thread.note.author).toEqual({ id: "00000000-0000-0000-0000-000000000000", displayName: "" });
      expect(thread.replies.map((r) => r.id)).toEqual([answer.id]);
      const { notes } = await listNotes(db.prisma, actor, SLUG, ZNoteListQuery.parse({ limit: 100 }));
      const listed = notes.filter((note) => note.id === kept.id || note.id === gone.id);
      expect(listed.map((note) => [note.id, note.deleted, note.body])).toEqual([[kept.id, true, ""]]);
      expect(await appErrorCode(getNote(db.prisma, actor, gone.id))).toBe("not_found");
    }
    // A placeholder cannot be edited, deleted again or answered directly; its history is not shown.
    expect(await appErrorCode(updateNote(db.prisma, author, { ...edit({ body: "Back again." }), noteId: kept.id, version: 1 }))).toBe("forbidden");
    expect(await appErrorCode(deleteNote(db.prisma, author, { noteId: kept.id }))).toBe("forbidden");
    expect(await appErrorCode(createReply(db.prisma, member, { noteId: kept.id, ...reply("To the placeholder.") }))).toBe("bad_request");
    expect(await appErrorCode(listNoteHistory(db.prisma, member, kept.id))).toBe("not_found");
    // But the discussion goes on below it.
    await createReply(db.prisma, outsider, { noteId: kept.id, ...reply("Still talking.", answer.id) });

    // When the last live reply goes, the placeholder goes with it.
    await deleteNote(db.prisma, member, { noteId: answer.id });
    expect((await listThread(db.prisma, outsider, kept.id)).replies).toHaveLength(2);
    const last = (await listThread(db.prisma, outsider, kept.id)).replies.find((r) => !r.deleted)!;
    await deleteNote(db.prisma, outsider, { noteId: last.id });
    expect(await replyCountOf(kept.id)).toBe(0);
    expect(await appErrorCode(listThread(db.prisma, outsider, kept.id))).toBe("not_found");
    expect(await appErrorCode(listThread(db.prisma, author, kept.id))).toBe("not_found");
  });

  it("keeps a deleted reply that has live replies as a placeholder and drops one that has none", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const answered = await createReply(db.prisma, member, { noteId: note.id, ...reply("Answered, then deleted.") });
    const below = await createReply(db.prisma, outsider, { noteId: note.id, ...reply("Below it.", answered.id) });
    const lonely = await createReply(db.prisma, member, { noteId: note.id, ...reply("Deleted, never answered.") });
    await deleteNote(db.prisma, member, { noteId: answered.id });
    await deleteNote(db.prisma, member, { noteId: lonely.id });
    const thread = await listThread(db.prisma, outsider, note.id);
    expect(thread.replies.map((r) => [r.id, r.deleted, r.body, r.depth])).toEqual([
      [answered.id, true, "", 1],
      [below.id, false, "Below it.", 2],
    ]);
    expect((await getNote(db.prisma, outsider, answered.id)).deleted).toBe(true);
    expect(await appErrorCode(getNote(db.prisma, outsider, lonely.id))).toBe("not_found");
    expect(await appErrorCode(createReply(db.prisma, outsider, { noteId: note.id, ...reply("To the deleted one.", answered.id) }))).toBe("bad_request");
  });

  it("keeps the reply count right through replies, deletions and a repeated delete", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const a = await createReply(db.prisma, member, { noteId: note.id, ...reply("A.") });
    await createReply(db.prisma, member, { noteId: note.id, ...reply("B.", a.id) });
    expect(await replyCountOf(note.id)).toBe(2);
    await deleteNote(db.prisma, member, { noteId: a.id });
    expect(await replyCountOf(note.id)).toBe(1);
    // A second delete of the same reply is refused by the policy and counts nothing.
    expect(await appErrorCode(deleteNote(db.prisma, member, { noteId: a.id }))).toBe("forbidden");
    expect(await replyCountOf(note.id)).toBe(1);
    // Deleting the note itself does not touch its thread's count.
    await deleteNote(db.prisma, author, { noteId: note.id });
    expect(await replyCountOf(note.id)).toBe(1);
  });
});

describe("editing notes and replies", () => {
  it("refuses stale edits of a note and of a reply (412) and writes nothing", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, member, { noteId: note.id, ...reply("First words.") });
    expect((await updateNote(db.prisma, author, { ...edit({ body: "Note, second version." }), noteId: note.id, version: 1 })).version).toBe(2);
    expect((await updateNote(db.prisma, member, { ...edit({ body: "Second words." }), noteId: answer.id, version: 1 })).version).toBe(2);
    const revisionsBefore = await db.prisma.noteRevision.count();

    const staleNote = await appErrorOf(updateNote(db.prisma, author, { ...edit({ body: "Stale note." }), noteId: note.id, version: 1 }));
    expect(staleNote.code).toBe("precondition_failed");
    expect(staleNote.message).toContain("now at version 2");
    expect(await appErrorCode(updateNote(db.prisma, member, { ...edit({ body: "Stale reply." }), noteId: answer.id, version: 1 }))).toBe("precondition_failed");
    // A version from the future is just as stale.
    expect(await appErrorCode(updateNote(db.prisma, member, { ...edit({ body: "Future." }), noteId: answer.id, version: 7 }))).toBe("precondition_failed");

    expect((await getNote(db.prisma, author, note.id)).body).toBe("Note, second version.");
    expect((await getNote(db.prisma, member, answer.id)).body).toBe("Second words.");
    expect(await db.prisma.noteRevision.count()).toBe(revisionsBefore);
  });

  it("only the author edits a reply; a reply has no tags, sources or reference type of its own", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, member, { noteId: note.id, ...reply("Mine.") });
    expect(await appErrorCode(updateNote(db.prisma, author, { ...edit({ body: "Not yours." }), noteId: answer.id, version: 1 }))).toBe("forbidden");
    expect(await appErrorCode(deleteNote(db.prisma, author, { noteId: answer.id }))).toBe("forbidden");
    const refused = await appErrorOf(updateNote(db.prisma, member, { ...edit({ body: "Tagged.", tags: ["x"], referenceType: "person" }), noteId: answer.id, version: 1 }));
    expect(Object.keys(refused.details.fields ?? {}).sort()).toEqual(["referenceType", "tags"]);
    expect((await getNote(db.prisma, member, answer.id)).version).toBe(1);
  });

  it("a note's new reference type reaches its replies in the same edit; fields left out keep their value", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ tags: ["police"] }) });
    const answer = await createReply(db.prisma, member, { noteId: note.id, ...reply("About the G.P.U.") });
    const updated = await updateNote(db.prisma, author, { ...edit({ body: "Now about a person.", referenceType: "person" }), noteId: note.id, version: 1 });
    expect(updated).toMatchObject({ referenceType: "person", tags: ["police"], body: "Now about a person." });
    expect((await getNote(db.prisma, member, answer.id)).referenceType).toBe("person");
    const filtered = await listNotes(db.prisma, member, SLUG, ZNoteListQuery.parse({ referenceType: "person", limit: 100 }));
    expect(filtered.notes.map((n) => n.id)).toContain(note.id);
  });
});

describe("edit history", () => {
  it("lists every version oldest first with who wrote it and the word differences", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "The G.P.U. arrested him." }) });
    await updateNote(db.prisma, author, { ...edit({ body: "The G.P.U. arrested him in Moscow." }), noteId: note.id, version: 1 });
    await updateNote(db.prisma, author, { ...edit({ body: "The OGPU arrested him in Moscow." }), noteId: note.id, version: 2 });
    const history = await listNoteHistory(db.prisma, member, note.id);
    expect(history.versions.map((v) => [v.version, v.body, v.editedBy.displayName, v.current])).toEqual([
      [1, "The G.P.U. arrested him.", "Author", false],
      [2, "The G.P.U. arrested him in Moscow.", "Author", false],
      [3, "The OGPU arrested him in Moscow.", "Author", true],
    ]);
    expect(history.versions[0].changes).toBeNull();
    expect(history.versions[1].changes).toEqual([
      { kind: "same", text: "The G.P.U. arrested " },
      { kind: "removed", text: "him." },
      { kind: "added", text: "him in Moscow." },
    ]);
    expect(history.versions[2].changes?.filter((part) => part.kind !== "same")).toEqual([
      { kind: "removed", text: "G.P.U." },
      { kind: "added", text: "OGPU" },
    ]);
  });

  it("a reply's history is for whoever may read the reply", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) });
    const answer = await createReply(db.prisma, member, { noteId: note.id, ...reply("Draft reply.") });
    await updateNote(db.prisma, member, { ...edit({ body: "Final reply." }), noteId: answer.id, version: 1 });
    expect((await listNoteHistory(db.prisma, author, answer.id)).versions.map((v) => [v.body, v.editedBy.displayName])).toEqual([
      ["Draft reply.", "Member"],
      ["Final reply.", "Member"],
    ]);
    expect(await appErrorCode(listNoteHistory(db.prisma, outsider, answer.id))).toBe("not_found");
    expect(await appErrorCode(listNoteHistory(db.prisma, ANONYMOUS, answer.id))).toBe("not_found");
  });
});
