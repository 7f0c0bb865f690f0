import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoteFilters } from "@/lib/annotations/list-notes";
import { countNotesByParagraph } from "@/lib/annotations/list-notes";
import { listNotesPerParagraph } from "@/lib/annotations/list-notes-per-paragraph";
import { noteFilterOptions } from "@/lib/annotations/note-filter-options";
import { createNote, deleteNote, getNote, listNotes } from "@/lib/annotations/note-operations";
import { ZCreateReply, ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { errorResponse } from "@/lib/http/error-response";
import { decide } from "@/lib/moderation/decision-operations";
import { flagNote } from "@/lib/moderation/flag-operations";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";
import { ZDecision, ZFlag, ZGroupMode, ZTrust } from "@/lib/moderation/moderation-schemas";
import { setTrusted } from "@/lib/moderation/trust-operations";
import { getReferenceEntry } from "@/lib/references/reference-queries";
import { seedReferenceIndex } from "@/lib/references/seed-reference-index";
import { searchNotes } from "@/lib/search/search-notes";
import { ZNoteSearchQuery } from "@/lib/search/search-schemas";
import { appErrorCode, appErrorOf, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ENTRY = "volinsky";
const clock = createControllableClock();
let db: TestDatabase;
/** Trusted owner of the group "Readers". */
let author: SignedInActor;
/** Plain member of "Readers", not trusted. */
let member: SignedInActor;
/** In no group, not trusted. */
let outsider: SignedInActor;
let groupId: string;
let reviewer: SignedInActor;
let admin: SignedInActor;
/** Moderator of "Readers". */
let groupModerator: SignedInActor;
/** Owner of another group. */
let otherOwner: SignedInActor;
/** A trusted researcher who replies. */
let replier: SignedInActor;

const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "The G.P.U. was the political police." });
const reply = (body: string) => ZCreateReply.parse({ body });
const decision = (input: Record<string, unknown>) => ZDecision.parse(input);
const flag = (input: Record<string, unknown>) => ZFlag.parse(input);
const listQuery = ZNoteListQuery.parse({ limit: 100 });
const noFilters = {} as NoteFilters;

async function user(options: Parameters<typeof seedUser>[1] = {}) {
  return (await signIn(db.prisma, (await seedUser(db.prisma, options)).id, clock)).actor;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  await seedReferenceIndex(db.prisma);
  const readers = await seedLetterReaders(db.prisma, clock, { names: { author: "Author", member: "Member", outsider: "Outsider" } });
  ({ groupId } = readers);
  [author, member, outsider] = [readers.author, readers.member, readers.outsider] as SignedInActor[];
  [reviewer, admin, groupModerator, otherOwner, replier] = await Promise.all([
    user({ siteRole: "reviewer", displayName: "Reviewer" }),
    user({ siteRole: "admin", displayName: "Admin" }),
    user({ displayName: "Group moderator" }),
    user({ displayName: "Other owner" }),
    user({ displayName: "Replier", trusted: true }),
  ]);
  await db.prisma.membership.create({ data: { groupId, userId: groupModerator.id, role: "moderator" } });
  await db.prisma.group.create({
    data: { kind: "research", name: "Others", createdById: otherOwner.id, memberships: { create: [{ userId: otherOwner.id, role: "owner" }] } },
  });
});

afterAll(async () => {
  await db?.drop();
});

const notificationsOf = (userId: string, noteId: string) =>
  db.prisma.notification.findMany({ where: { userId, noteId }, select: { kind: true, text: true } });

describe("a hidden note vanishes from every read path, except for its author and its moderators", () => {
  const ids: Record<string, string> = {};
  const WORD = "Kronstadt";
  const TAG = "vanishing";

  /** Every read path, as the actor sees it: whether each shows the hidden note (or its reply, or its orphan twin). */
  async function seen(actor: Actor) {
    const [listed, margin, counts, search, entry, orphans, options] = await Promise.all([
      listNotes(db.prisma, actor, SLUG, listQuery),
      listNotesPerParagraph(db.prisma, actor, SLUG, noFilters, "position", 50),
      countNotesByParagraph(db.prisma, actor, SLUG, { tag: TAG } as NoteFilters),
      searchNotes(db.prisma, actor, SLUG, ZNoteSearchQuery.parse({ q: WORD })),
      getReferenceEntry(db.prisma, actor, ENTRY, null),
      listOrphanedNotes(db.prisma, actor, SLUG),
      noteFilterOptions(db.prisma, actor, SLUG),
    ]);
    const readable = async (id: string) => (await getNote(db.prisma, actor, id).then(() => true, () => false));
    const thread = await listThread(db.prisma, actor, ids.hidden).then(
      (view) => view.replies.map((entry) => entry.id),
      () => null,
    );
    return {
      list: listed.notes.some((note) => note.id === ids.hidden),
      margin: margin.some((note) => note.id === ids.hidden),
      count: counts.get("p3") ?? 0,
      search: search.results.map((result) => result.id).sort(),
      searchTotal: search.total,
      facets: search.facets.referenceType,
      entry: entry.notes.some(({ note }) => note.id === ids.hidden),
      entryCount: entry.noteCount,
      orphans: orphans.some((note) => note.id === ids.orphan),
      tag: options.tags.includes(TAG),
      note: await readable(ids.hidden),
      reply: await readable(ids.reply),
      thread,
    };
  }

  beforeAll(async () => {
    const body = `${WORD}: the sailors' revolt of 1921.`;
    ids.hidden = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ body, tags: [TAG], referenceEntryId: ENTRY }) })).id;
    ids.reply = (await createReply(db.prisma, replier, { noteId: ids.hidden, ...reply(`${WORD} again, in a reply.`) })).id;
    ids.orphan = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: `${WORD} in a note that lost its passage.`, paragraph: "p5" }) })).id;
    await db.prisma.note.update({ where: { id: ids.orphan }, data: { anchorStatus: "orphan" } });
  });

  it("before: every reader sees the note, its reply and the orphan on every path", async () => {
    for (const actor of [member, outsider, ANONYMOUS]) {
      const view = await seen(actor);
      expect(view).toMatchObject({ list: true, margin: true, count: 1, entry: true, entryCount: 1, orphans: true, tag: true, note: true, reply: true });
      expect(view.search).toEqual([ids.hidden, ids.orphan, ids.reply].sort());
      expect(view.searchTotal).toBe(3);
      expect(view.thread).toEqual([ids.reply]);
    }
  });

  it("after a reviewer hides them: gone for every other reader, on every path (404 on the note and on its reply)", async () => {
    const hidden = await decide(db.prisma, reviewer, { noteId: ids.hidden, ...decision({ action: "hide", reason: "Unsupported claim", basedOn: 0 }) });
    expect(hidden).toMatchObject({ moderationStatus: "hidden", moderationReason: "Unsupported claim", moderationRevision: 1 });
    await decide(db.prisma, reviewer, { noteId: ids.orphan, ...decision({ action: "spam", basedOn: 0 }) });

    for (const actor of [member, outsider, ANONYMOUS]) {
      const view = await seen(actor);
      expect(view).toEqual({
        list: false, margin: false, count: 0, search: [], searchTotal: 0, facets: [], entry: false, entryCount: 0,
        orphans: false, tag: false, note: false, reply: false, thread: null,
      });
    }
    expect(await appErrorCode(getNote(db.prisma, outsider, ids.hidden))).toBe("not_found");
    expect(await appErrorCode(getNote(db.prisma, outsider, ids.reply))).toBe("not_found");
    expect(await appErrorCode(listThread(db.prisma, member, ids.hidden))).toBe("not_found");
  });

  it("its author still sees it everywhere, with the reason; the reply's author sees their reply but not the hidden thread", async () => {
    const view = await seen(author);
    expect(view).toMatchObject({ list: true, margin: true, count: 1, entry: true, entryCount: 1, orphans: true, tag: true, note: true, reply: false, thread: [] });
    expect(view.search).toEqual([ids.hidden, ids.orphan].sort());
    const own = await getNote(db.prisma, author, ids.hidden);
    expect(own).toMatchObject({ moderationStatus: "hidden", moderationReason: "Unsupported claim", openFlagCount: 0 });

    expect((await getNote(db.prisma, replier, ids.reply)).id).toBe(ids.reply);
    expect(await appErrorCode(listThread(db.prisma, replier, ids.hidden))).toBe("not_found");
    const replierSearch = await searchNotes(db.prisma, replier, SLUG, ZNoteSearchQuery.parse({ q: WORD }));
    expect(replierSearch.results.map((result) => result.id)).toEqual([ids.reply]);
  });

  it("its moderators (reviewers, admins) still see it everywhere, with its status and the reply", async () => {
    for (const actor of [reviewer, admin]) {
      const view = await seen(actor);
      expect(view).toMatchObject({ list: true, margin: true, count: 1, entry: true, entryCount: 1, orphans: true, tag: true, note: true, reply: true });
      expect(view.search).toEqual([ids.hidden, ids.orphan, ids.reply].sort());
      expect(view.thread).toEqual([ids.reply]);
      expect(await getNote(db.prisma, actor, ids.hidden)).toMatchObject({ moderationStatus: "hidden", moderationReason: "Unsupported claim" });
    }
    // A group's staff moderates no public item: for them it is hidden like for anyone.
    expect(await appErrorCode(getNote(db.prisma, groupModerator, ids.hidden))).toBe("not_found");
  });

  it("restored, it is back for everyone, reason cleared", async () => {
    const restored = await decide(db.prisma, reviewer, { noteId: ids.hidden, ...decision({ action: "restore", basedOn: 1 }) });
    expect(restored).toMatchObject({ moderationStatus: "approved", moderationReason: null, moderationRevision: 2 });
    const view = await seen(outsider);
    expect(view).toMatchObject({ list: true, note: true, reply: true, thread: [ids.reply], orphans: false });
    expect(await notificationsOf(author.id, ids.hidden)).toEqual(
      expect.arrayContaining([
        { kind: "decision", text: expect.stringContaining("Unsupported claim") },
        { kind: "decision", text: expect.stringContaining("restored") },
      ]),
    );
  });
});

describe("pre-moderation", () => {
  it("an untrusted researcher's public note waits for review: only its author and the reviewers see it, and they are told", async () => {
    const pending = await createNote(db.prisma, outsider, { slug: SLUG, ...draft({ body: "A newcomer's first note." }) });
    expect(pending).toMatchObject({ moderationStatus: "pending", moderationRevision: 0 });
    const row = await db.prisma.note.findUniqueOrThrow({ where: { id: pending.id } });
    expect(row.queuedAt).not.toBeNull();

    for (const actor of [member, author, ANONYMOUS]) {
      expect(await appErrorCode(getNote(db.prisma, actor, pending.id))).toBe("not_found");
      expect((await listNotes(db.prisma, actor, SLUG, listQuery)).notes.map((note) => note.id)).not.toContain(pending.id);
    }
    expect((await getNote(db.prisma, outsider, pending.id)).moderationStatus).toBe("pending");
    expect((await getNote(db.prisma, reviewer, pending.id)).moderationStatus).toBe("pending");
    // Nobody can answer or flag what they cannot see.
    expect(await appErrorCode(createReply(db.prisma, member, { noteId: pending.id, ...reply("Hello?") }))).toBe("not_found");
    expect(await appErrorCode(flagNote(db.prisma, member, { noteId: pending.id, ...flag({ reason: "spam" }) }))).toBe("not_found");

    expect(await notificationsOf(reviewer.id, pending.id)).toEqual([{ kind: "queue", text: expect.any(String) }]);
    expect(await notificationsOf(admin.id, pending.id)).toEqual([{ kind: "queue", text: expect.any(String) }]);
    expect(await notificationsOf(outsider.id, pending.id)).toEqual([]);
    expect(await notificationsOf(groupModerator.id, pending.id)).toEqual([]);

    const approved = await decide(db.prisma, reviewer, { noteId: pending.id, ...decision({ action: "approve", basedOn: 0 }) });
    expect(approved).toMatchObject({ moderationStatus: "approved", moderationRevision: 1 });
    expect((await getNote(db.prisma, member, pending.id)).id).toBe(pending.id);
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: pending.id } })).queuedAt).toBeNull();
    expect(await notificationsOf(outsider.id, pending.id)).toEqual([{ kind: "decision", text: expect.stringContaining("approved") }]);
  });

  it("reviewers and admins are trusted by their role; private notes never wait", async () => {
    expect((await createNote(db.prisma, reviewer, { slug: SLUG, ...draft() })).moderationStatus).toBe("approved");
    expect((await createNote(db.prisma, admin, { slug: SLUG, ...draft() })).moderationStatus).toBe("approved");
    expect((await createNote(db.prisma, outsider, { slug: SLUG, ...draft({ visibility: "private" }) })).moderationStatus).toBe("approved");
    expect((await createNote(db.prisma, member, { slug: SLUG, ...draft({ visibility: "group", groupId }) })).moderationStatus).toBe("approved");
  });

  it("an untrusted reply waits too; the thread's author does not see it until it is approved", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "A trusted note." }) });
    const answer = await createReply(db.prisma, member, { noteId: note.id, ...reply("An untrusted answer.") });
    expect(answer.moderationStatus).toBe("pending");
    expect((await listThread(db.prisma, author, note.id)).replies).toEqual([]);
    expect((await listThread(db.prisma, member, note.id)).replies.map((entry) => entry.id)).toEqual([answer.id]);
    expect((await listThread(db.prisma, reviewer, note.id)).replies.map((entry) => entry.id)).toEqual([answer.id]);
    await decide(db.prisma, reviewer, { noteId: answer.id, ...decision({ action: "approve", basedOn: 0 }) });
    expect((await listThread(db.prisma, author, note.id)).replies.map((entry) => entry.id)).toEqual([answer.id]);
  });

  it("a reviewer marks a user trusted (and takes it back): their next public notes publish at once, then wait again", async () => {
    const newcomer = await user({ displayName: "Newcomer" });
    expect((await createNote(db.prisma, newcomer, { slug: SLUG, ...draft() })).moderationStatus).toBe("pending");
    expect(await setTrusted(db.prisma, reviewer, { userId: newcomer.id, ...ZTrust.parse({ trusted: true, reason: "Known historian" }) })).toEqual({ userId: newcomer.id, trusted: true });
    expect((await createNote(db.prisma, newcomer, { slug: SLUG, ...draft() })).moderationStatus).toBe("approved");
    await setTrusted(db.prisma, admin, { userId: newcomer.id, ...ZTrust.parse({ trusted: false, reason: "Posted spam" }) });
    expect((await createNote(db.prisma, newcomer, { slug: SLUG, ...draft() })).moderationStatus).toBe("pending");
    // Only reviewers and admins, and not for themselves.
    expect(await appErrorCode(setTrusted(db.prisma, member, { userId: outsider.id, ...ZTrust.parse({ trusted: true, reason: "Friend" }) }))).toBe("forbidden");
    expect(await appErrorCode(setTrusted(db.prisma, ANONYMOUS, { userId: outsider.id, ...ZTrust.parse({ trusted: true, reason: "Friend" }) }))).toBe("unauthenticated");
    expect(await appErrorCode(setTrusted(db.prisma, reviewer, { userId: reviewer.id, ...ZTrust.parse({ trusted: true, reason: "Myself" }) }))).toBe("forbidden");
    expect(ZTrust.safeParse({ trusted: true }).success).toBe(false);
  });

  it("a premoderated group: members' group notes wait for the group's owners and moderators; staff notes do not", async () => {
    expect(await appErrorCode(setGroupModerationMode(db.prisma, member, { groupId, ...ZGroupMode.parse({ mode: "premoderated" }) }))).toBe("forbidden");
    expect(await appErrorCode(setGroupModerationMode(db.prisma, outsider, { groupId, ...ZGroupMode.parse({ mode: "premoderated" }) }))).toBe("not_found");
    expect(await setGroupModerationMode(db.prisma, groupModerator, { groupId, ...ZGroupMode.parse({ mode: "premoderated" }) })).toEqual({ groupId, mode: "premoderated" });

    const waiting = await createNote(db.prisma, member, { slug: SLUG, ...draft({ visibility: "group", groupId, body: "A student's group note." }) });
    expect(waiting.moderationStatus).toBe("pending");
    expect((await createNote(db.prisma, groupModerator, { slug: SLUG, ...draft({ visibility: "group", groupId }) })).moderationStatus).toBe("approved");
    expect((await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) })).moderationStatus).toBe("approved");
    // A public note by the same trusted owner is unaffected by the group's mode, and an untrusted member's public note waits anyway.
    expect((await createNote(db.prisma, author, { slug: SLUG, ...draft() })).moderationStatus).toBe("approved");

    expect((await getNote(db.prisma, groupModerator, waiting.id)).moderationStatus).toBe("pending");
    expect((await getNote(db.prisma, author, waiting.id)).moderationStatus).toBe("pending");
    expect((await getNote(db.prisma, admin, waiting.id)).moderationStatus).toBe("pending");
    for (const actor of [reviewer, otherOwner, outsider]) expect(await appErrorCode(getNote(db.prisma, actor, waiting.id))).toBe("not_found");
    expect(await notificationsOf(groupModerator.id, waiting.id)).toEqual([{ kind: "queue", text: expect.any(String) }]);
    expect(await notificationsOf(author.id, waiting.id)).toEqual([{ kind: "queue", text: expect.any(String) }]);
    expect(await notificationsOf(reviewer.id, waiting.id)).toEqual([]);

    // A site reviewer and another group's owner are not this group's moderators: 404, and nothing changes.
    for (const actor of [reviewer, otherOwner]) {
      expect(await appErrorCode(decide(db.prisma, actor, { noteId: waiting.id, ...decision({ action: "approve", basedOn: 0 }) }))).toBe("not_found");
    }
    // Its author may see it, but nobody moderates their own: 403.
    expect(await appErrorCode(decide(db.prisma, member, { noteId: waiting.id, ...decision({ action: "approve", basedOn: 0 }) }))).toBe("forbidden");
    expect((await decide(db.prisma, groupModerator, { noteId: waiting.id, ...decision({ action: "approve", basedOn: 0 }) })).moderationStatus).toBe("approved");

    await setGroupModerationMode(db.prisma, admin, { groupId, ...ZGroupMode.parse({ mode: "open" }) });
    expect((await createNote(db.prisma, member, { slug: SLUG, ...draft({ visibility: "group", groupId }) })).moderationStatus).toBe("approved");
  });
});

describe("flags", () => {
  let noteId: string;
  beforeAll(async () => {
    noteId = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "A note readers will flag." }) })).id;
  });

  it("a reader flags once; the note enters the queue and its moderators are told; the author never learns who", async () => {
    const made = await flagNote(db.prisma, member, { noteId, ...flag({ reason: "off-topic", comment: "Not about the letter" }) });
    expect(made).toMatchObject({ reason: "off_topic", id: expect.any(String), createdAt: expect.any(String) });
    expect(Object.keys(made).sort()).toEqual(["createdAt", "id", "reason"]);
    const row = await db.prisma.note.findUniqueOrThrow({ where: { id: noteId } });
    expect(row.openFlagCount).toBe(1);
    expect(row.queuedAt).not.toBeNull();
    expect(await notificationsOf(reviewer.id, noteId)).toEqual([{ kind: "queue", text: expect.stringContaining("flagged") }]);

    const second = await appErrorOf(flagNote(db.prisma, member, { noteId, ...flag({ reason: "spam" }) }));
    expect(second.code).toBe("conflict");
    expect(second.message).toBe("You already flagged this");
    await flagNote(db.prisma, outsider, { noteId, ...flag({ reason: "inaccurate" }) });
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: noteId } })).openFlagCount).toBe(2);
    expect(await db.prisma.flag.count({ where: { noteId } })).toBe(2);
    // The queue notification went out once, for the first flag.
    expect(await notificationsOf(reviewer.id, noteId)).toHaveLength(1);

    const forAuthor = await getNote(db.prisma, author, noteId);
    expect(forAuthor.openFlagCount).toBe(0);
    expect(JSON.stringify(forAuthor)).not.toContain(member.id);
    expect(JSON.stringify(forAuthor)).not.toContain(outsider.id);
    expect((await getNote(db.prisma, reviewer, noteId)).openFlagCount).toBe(2);
  });

  it("refuses its author (403), what the reader cannot see (404), private notes, and unknown reasons (400 beside the field)", async () => {
    expect(await appErrorCode(flagNote(db.prisma, author, { noteId, ...flag({ reason: "spam" }) }))).toBe("forbidden");
    const groupNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) });
    expect(await appErrorCode(flagNote(db.prisma, outsider, { noteId: groupNote.id, ...flag({ reason: "spam" }) }))).toBe("not_found");
    expect((await flagNote(db.prisma, member, { noteId: groupNote.id, ...flag({ reason: "copyright" }) })).reason).toBe("copyright");
    const privateNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "private" }) });
    expect(await appErrorCode(flagNote(db.prisma, member, { noteId: privateNote.id, ...flag({ reason: "spam" }) }))).toBe("not_found");
    expect(await appErrorCode(flagNote(db.prisma, author, { noteId: privateNote.id, ...flag({ reason: "spam" }) }))).toBe("forbidden");
    expect(await appErrorCode(flagNote(db.prisma, ANONYMOUS, { noteId, ...flag({ reason: "spam" }) }))).toBe("unauthenticated");
    expect(await appErrorCode(flagNote(db.prisma, member, { noteId: "00000000-0000-4000-8000-000000000000", ...flag({ reason: "spam" }) }))).toBe("not_found");

    const unknown = ZFlag.safeParse({ reason: "rude" });
    expect(unknown.success).toBe(false);
    const response = errorResponse(unknown.error);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields.reason).toEqual([expect.stringContaining("Choose a reason")]);
    expect(ZFlag.safeParse({ reason: "spam", comment: "x".repeat(1001) }).success).toBe(false);
    expect(await db.prisma.flag.count({ where: { noteId: privateNote.id } })).toBe(0);
  });

  it("a decision resolves every open flag, takes the note out of the queue, and tells each flagger and the author", async () => {
    const before = await getNote(db.prisma, reviewer, noteId);
    await decide(db.prisma, reviewer, { noteId, ...decision({ action: "hide", reason: "Off-topic for this letter", basedOn: before.moderationRevision }) });
    const flags = await db.prisma.flag.findMany({ where: { noteId } });
    expect(flags.every((row) => row.resolvedAt !== null && row.resolvedById === reviewer.id && row.resolution === "hide")).toBe(true);
    const row = await db.prisma.note.findUniqueOrThrow({ where: { id: noteId } });
    expect(row).toMatchObject({ openFlagCount: 0, queuedAt: null, moderationStatus: "hidden" });
    for (const flagger of [member, outsider]) {
      expect(await notificationsOf(flagger.id, noteId)).toEqual([{ kind: "flag_resolved", text: expect.stringContaining("hidden") }]);
    }
    expect(await notificationsOf(author.id, noteId)).toEqual([{ kind: "decision", text: expect.stringContaining("Off-topic for this letter") }]);
  });
});

describe("decisions: who, when, and bad input", () => {
  it("a locked thread takes no replies (409) until it is unlocked; only a thread's note is locked", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: "A heated thread." }) });
    const answer = await createReply(db.prisma, replier, { noteId: note.id, ...reply("First answer.") });
    const locked = await decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "lock", basedOn: 0 }) });
    expect(locked.lockedAt).not.toBeNull();
    const refused = await appErrorOf(createReply(db.prisma, replier, { noteId: note.id, ...reply("Too late.") }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe("This thread is locked");
    expect(await db.prisma.note.count({ where: { threadId: note.id } })).toBe(1);
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: note.id } })).replyCount).toBe(1);

    const onReply = await appErrorOf(decide(db.prisma, reviewer, { noteId: answer.id, ...decision({ action: "lock", basedOn: 0 }) }));
    expect(onReply.code).toBe("bad_request");
    expect(onReply.details.fields?.action).toBeDefined();

    await decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "unlock", basedOn: 1 }) });
    expect((await createReply(db.prisma, replier, { noteId: note.id, ...reply("Now it is open.") })).moderationStatus).toBe("approved");
  });

  it("non-moderators: 401 anonymous, 403 for a public note's readers and for its own author, 404 for a private note", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const hide = decision({ action: "hide", reason: "Because", basedOn: 0 });
    expect(await appErrorCode(decide(db.prisma, ANONYMOUS, { noteId: note.id, ...hide }))).toBe("unauthenticated");
    expect(await appErrorCode(decide(db.prisma, member, { noteId: note.id, ...hide }))).toBe("forbidden");
    expect(await appErrorCode(decide(db.prisma, groupModerator, { noteId: note.id, ...hide }))).toBe("forbidden");
    expect(await appErrorCode(decide(db.prisma, author, { noteId: note.id, ...hide }))).toBe("forbidden");
    const ownByReviewer = await createNote(db.prisma, reviewer, { slug: SLUG, ...draft() });
    expect(await appErrorCode(decide(db.prisma, reviewer, { noteId: ownByReviewer.id, ...hide }))).toBe("forbidden");
    const privateNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "private" }) });
    expect(await appErrorCode(decide(db.prisma, reviewer, { noteId: privateNote.id, ...hide }))).toBe("not_found");
    expect(await appErrorCode(decide(db.prisma, admin, { noteId: privateNote.id, ...hide }))).toBe("not_found");
    expect(await appErrorCode(decide(db.prisma, author, { noteId: privateNote.id, ...hide }))).toBe("forbidden");
    const groupNote = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) });
    expect(await appErrorCode(decide(db.prisma, member, { noteId: groupNote.id, ...hide }))).toBe("not_found");
    expect(await appErrorCode(decide(db.prisma, otherOwner, { noteId: groupNote.id, ...hide }))).toBe("not_found");
    expect(await appErrorCode(decide(db.prisma, reviewer, { noteId: groupNote.id, ...hide }))).toBe("not_found");
    // Suspending an author is for admins only: the reviewer sees the note, so it is forbidden, not hidden.
    expect(await appErrorCode(decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "suspend", reason: "Spammer", basedOn: 0 }) }))).toBe("forbidden");
    const untouched = await db.prisma.note.findMany({ where: { id: { in: [note.id, privateNote.id, groupNote.id] } } });
    expect(untouched.every((row) => row.moderationStatus === "approved" && row.moderationRevision === 0)).toBe(true);
    expect(await db.prisma.moderationRecord.count({ where: { noteId: { in: [note.id, privateNote.id, groupNote.id] } } })).toBe(0);
  });

  it("a stale decision is 409 with the state now, and writes nothing", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    await flagNote(db.prisma, member, { noteId: note.id, ...flag({ reason: "inaccurate" }) });
    await decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "spam", basedOn: 0 }) });
    const records = await db.prisma.moderationRecord.count({ where: { noteId: note.id } });
    const stale = await appErrorOf(decide(db.prisma, admin, { noteId: note.id, ...decision({ action: "hide", reason: "Also bad", basedOn: 0 }) }));
    expect(stale.code).toBe("conflict");
    expect(stale.details.body).toEqual({ current: { moderationStatus: "spam", moderationRevision: 1, lockedAt: null } });
    const response = await errorResponse(stale).json();
    expect(response).toMatchObject({ error: "conflict", current: { moderationStatus: "spam", moderationRevision: 1 } });
    expect(await db.prisma.moderationRecord.count({ where: { noteId: note.id } })).toBe(records);
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id: note.id } })).moderationStatus).toBe("spam");
    // A decision that cannot follow from the state it names is refused the same way.
    const again = await appErrorOf(decide(db.prisma, admin, { noteId: note.id, ...decision({ action: "spam", basedOn: 1 }) }));
    expect(again.code).toBe("conflict");
    expect(await db.prisma.moderationRecord.count({ where: { noteId: note.id } })).toBe(records);
  });

  it("a decision on a deleted note is 404 'This note was deleted'; hiding needs a reason (400 beside the field)", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    await deleteNote(db.prisma, author, { noteId: note.id });
    const gone = await appErrorOf(decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "approve", basedOn: 0 }) }));
    expect(gone.code).toBe("not_found");
    expect(gone.message).toBe("This note was deleted");
    expect((await appErrorOf(decide(db.prisma, member, { noteId: note.id, ...decision({ action: "approve", basedOn: 0 }) }))).message).toBe("Not found");
    expect(await appErrorCode(flagNote(db.prisma, member, { noteId: note.id, ...flag({ reason: "spam" }) }))).toBe("not_found");

    const noReason = ZDecision.safeParse({ action: "hide", basedOn: 0 });
    expect(noReason.success).toBe(false);
    expect((await errorResponse(noReason.error).json()).fields.reason).toBeDefined();
    expect(ZDecision.safeParse({ action: "hide", reason: "no", basedOn: 0 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "delete", basedOn: 0 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "approve" }).success).toBe(false);
  });

  it("an admin suspends a note's author: the account is suspended, with its audit and moderation records", async () => {
    const spammer = await user({ displayName: "Spammer", trusted: true });
    const note = await createNote(db.prisma, spammer, { slug: SLUG, ...draft({ body: "Buy now" }) });
    await decide(db.prisma, admin, { noteId: note.id, ...decision({ action: "suspend", reason: "Spam account", basedOn: 0 }) });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: spammer.id } })).status).toBe("suspended");
    expect(await db.prisma.auditRecord.count({ where: { subjectId: spammer.id, action: "account.suspend" } })).toBe(1);
    expect(await db.prisma.moderationRecord.count({ where: { noteId: note.id, action: "suspend", subjectUserId: spammer.id } })).toBe(1);
    expect(await appErrorCode(decide(db.prisma, admin, { noteId: note.id, ...decision({ action: "suspend", reason: "Again", basedOn: 1 }) }))).toBe("conflict");
  });
});
