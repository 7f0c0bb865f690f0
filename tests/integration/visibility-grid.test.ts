import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notesOfChoice, type NotesChoice } from "@/lib/export/notes-choice";
import { countNotesByParagraph, listNotes } from "@/lib/annotations/list-notes";
import { listNotesPerParagraph } from "@/lib/annotations/list-notes-per-paragraph";
import { readerContext, toNoteResource } from "@/lib/annotations/note-access";
import { noteFilterOptions } from "@/lib/annotations/note-filter-options";
import { createNote, deleteNote, getNote } from "@/lib/annotations/note-operations";
import { ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/can";
import type { Permission } from "@/lib/authz/policy";
import { decide } from "@/lib/moderation/decision-operations";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";
import { ZDecision } from "@/lib/moderation/moderation-schemas";
import { listReviewQueue } from "@/lib/moderation/queue-queries";
import { ZReviewQueueQuery } from "@/lib/moderation/review-queue-view";
import { readersAmong } from "@/lib/notifications/readers-among";
import { getReferenceEntry, type TLetterText } from "@/lib/references/reference-queries";
import { searchNotes } from "@/lib/search/search-notes";
import { parseSearchQuery } from "@/lib/search/search-schemas";
import { annotationCollectionFacts, annotationPage } from "@/lib/w3c/annotation-queries";
import { mustFailures } from "../support/w3c-validator";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The proof that every read path returns exactly what the policy allows. Every reachable state of a note is made
// through the real operations — visibility × moderation status × thread state (open, locked, hidden thread, a
// pending reply) × deleted or placeholder × an assignment's peer rule before and after — and then, for each of eleven
// actors, each read path's answer is compared with the set can() allows over all the rows (the oracle), counts and
// facet counts included. The hand-made scenarios elsewhere test other things; this one is generated from the grid.

const WORD = "gridword";
const ENTRY = "volinsky";
const HOUR = 3_600_000;
const clock = createControllableClock();

let db: TestDatabase;
let letter: TLetterText;
const people = {} as Record<
  "author" | "member" | "groupModerator" | "groupOwner" | "outsider" | "reviewer" | "admin" | "teacher" | "student" | "classmate",
  SignedInActor
>;
let actors: [string, Actor][];
let researchGroup: string;
let classGroup: string;

async function person(name: string, options: { siteRole?: "researcher" | "reviewer" | "admin"; trusted?: boolean } = {}) {
  const user = await seedUser(db.prisma, { displayName: name, ...options });
  return (await signIn(db.prisma, user.id, clock)).actor as SignedInActor;
}

const TYPES = ["person", "event", "organisation"] as const;
let serial = 0;
/** A grid note's draft: the shared search word, a tag and type that cycle, the reference entry, its own paragraph. */
function gridDraft(extra: Record<string, unknown>) {
  serial += 1;
  return noteDraft({ body: `Grid note ${serial} about the ${WORD}.`, referenceType: TYPES[serial % 3], tags: [`grid-${serial % 2}`], referenceEntryId: ENTRY })({
    paragraph: `p${(serial % 20) + 1}`,
    ...extra,
  });
}

const decision = (action: string, basedOn: number, reason?: string) => ZDecision.parse({ action, basedOn, ...(reason ? { reason } : {}) });

async function decideOn(actor: Actor, noteId: string, action: string) {
  const current = await db.prisma.note.findUniqueOrThrow({ where: { id: noteId }, select: { moderationRevision: true } });
  await decide(db.prisma, actor, { noteId, ...decision(action, current.moderationRevision, action === "hide" ? "Hidden for the grid test." : undefined) });
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  letter = await importLetterWithIndex(db.prisma);

  // The author is not trusted (its public items wait for review); staff and the teacher are.
  people.author = await person("Author");
  people.member = await person("Member");
  people.groupModerator = await person("Group moderator", { trusted: true });
  people.groupOwner = await person("Group owner", { trusted: true });
  people.outsider = await person("Outsider");
  people.reviewer = await person("Reviewer", { siteRole: "reviewer", trusted: true });
  people.admin = await person("Admin", { siteRole: "admin", trusted: true });
  people.teacher = await person("Teacher", { trusted: true });
  people.student = await person("Student");
  people.classmate = await person("Classmate");
  actors = [["anonymous", ANONYMOUS], ...Object.entries(people)];

  // A research group and a class, each with its staff and members (a fixture: the states below are made by operations).
  const groupOf = async (kind: "research" | "class", name: string, roles: [SignedInActor, "owner" | "moderator" | "member"][]) =>
    (
      await db.prisma.group.create({
        data: { kind, name, createdById: roles[0][0].id, memberships: { create: roles.map(([user, role]) => ({ userId: user.id, role })) } },
      })
    ).id;
  researchGroup = await groupOf("research", "Grid seminar", [
    [people.groupOwner, "owner"],
    [people.groupModerator, "moderator"],
    [people.member, "member"],
    [people.author, "member"],
  ]);
  // Pre-moderated: the author's group items wait for the group's staff.
  await setGroupModerationMode(db.prisma, people.groupOwner, { groupId: researchGroup, mode: "premoderated" });
  classGroup = await groupOf("class", "Grid class", [
    [people.teacher, "owner"],
    [people.student, "member"],
    [people.classmate, "member"],
  ]);

  const { author, member, groupModerator, groupOwner, outsider, reviewer, teacher, student, classmate } = people;
  const inGroup = { visibility: "group", groupId: researchGroup };
  const moderatorOf = (visibility: string) => (visibility === "public" ? reviewer : groupModerator);

  // Visibility × moderation status.
  for (const where of [{ visibility: "public" }, inGroup]) {
    for (const outcome of ["pending", "approve", "hide", "spam"]) {
      const note = await createNote(db.prisma, author, { slug: SLUG, ...gridDraft(where) });
      if (outcome !== "pending") await decideOn(moderatorOf(where.visibility), note.id, outcome);
    }
  }
  await createNote(db.prisma, author, { slug: SLUG, ...gridDraft({ visibility: "private" }) });

  // Thread states: open, locked, hidden thread, and a reply that waits for review.
  for (const where of [{ visibility: "public" }, inGroup]) {
    const replier = where.visibility === "public" ? groupOwner : groupModerator;
    for (const state of ["open", "locked", "hidden", "pending-reply"]) {
      const note = await createNote(db.prisma, author, { slug: SLUG, ...gridDraft(where) });
      await decideOn(moderatorOf(where.visibility), note.id, "approve");
      await createReply(db.prisma, state === "pending-reply" ? (where.visibility === "public" ? outsider : member) : replier, { noteId: note.id, body: `A reply in a ${state} thread about the ${WORD}.` });
      if (state === "locked") await decideOn(moderatorOf(where.visibility), note.id, "lock");
      if (state === "hidden") await decideOn(moderatorOf(where.visibility), note.id, "hide");
    }
  }

  // Deleted, and deleted with a reply (a placeholder); an orphan whose passage is gone.
  for (const where of [{ visibility: "public" }, inGroup]) {
    const gone = await createNote(db.prisma, author, { slug: SLUG, ...gridDraft(where) });
    await decideOn(moderatorOf(where.visibility), gone.id, "approve");
    await deleteNote(db.prisma, author, { noteId: gone.id });
    const kept = await createNote(db.prisma, author, { slug: SLUG, ...gridDraft(where) });
    await decideOn(moderatorOf(where.visibility), kept.id, "approve");
    await createReply(db.prisma, where.visibility === "public" ? groupOwner : groupModerator, { noteId: kept.id, body: `A reply under a deleted ${WORD} note.` });
    await deleteNote(db.prisma, author, { noteId: kept.id });
    const orphan = await createNote(db.prisma, author, { slug: SLUG, ...gridDraft(where) });
    await decideOn(moderatorOf(where.visibility), orphan.id, "approve");
    await db.prisma.note.update({ where: { id: orphan.id }, data: { anchorStatus: "orphan" } });
  }

  // Peer rules: always; after the reader's first note (before: the classmate has none on that paragraph; after: it
  // has one); after the due date (before: due tomorrow; after: due an hour ago). The student writes on each.
  const documentId = (await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const now = Date.now();
  const rules: { rule: "always" | "after_first_note" | "after_due"; due: number; classmateWrites: boolean; paragraph: string }[] = [
    { rule: "always", due: now + 24 * HOUR, classmateWrites: false, paragraph: "p21" },
    { rule: "after_first_note", due: now + 24 * HOUR, classmateWrites: false, paragraph: "p22" },
    { rule: "after_first_note", due: now + 24 * HOUR, classmateWrites: true, paragraph: "p23" },
    { rule: "after_due", due: now + 24 * HOUR, classmateWrites: false, paragraph: "p24" },
    { rule: "after_due", due: now - HOUR, classmateWrites: false, paragraph: "p26" },
  ];
  for (const [index, { rule, due, classmateWrites, paragraph }] of rules.entries()) {
    const assignment = await db.prisma.assignment.create({
      data: {
        groupId: classGroup, documentId, title: `Grid ${index} (${rule})`, instructions: "Annotate.", fromOrdinal: 0, toOrdinal: 1000,
        opensAt: new Date(now - 48 * HOUR), dueAt: new Date(due), timeZone: "UTC", peerVisibility: rule, state: "published", createdById: teacher.id,
      },
    });
    const work = await createNote(db.prisma, student, { slug: SLUG, ...gridDraft({ visibility: "group", groupId: classGroup, assignmentId: assignment.id, paragraph }) });
    await createReply(db.prisma, teacher, { noteId: work.id, body: `The teacher's reply on the ${WORD}.` });
    if (classmateWrites) {
      await createNote(db.prisma, classmate, { slug: SLUG, ...gridDraft({ visibility: "group", groupId: classGroup, assignmentId: assignment.id, paragraph }) });
    }
  }
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

type Row = Awaited<ReturnType<typeof loadRows>>[number];
function loadRows() {
  return db.prisma.note.findMany({
    select: {
      id: true, authorId: true, visibility: true, groupId: true, moderationStatus: true, deletedAt: true, replyCount: true,
      threadId: true, threadStatus: true, assignmentId: true, paragraphId: true, anchorStatus: true, referenceType: true,
      tags: true, referenceEntryId: true, queuedAt: true, paragraph: { select: { anchorId: true } },
    },
  });
}

/** The oracle: the rows this actor's can() allows for a permission, judged one by one with its reader context. */
async function allowedRows(actor: Actor, permission: Permission & `note:${string}`, rows: Row[]): Promise<Row[]> {
  const reader = await readerContext(db.prisma, actor);
  return rows.filter((row) => can(actor, permission as "note:read", toNoteResource(row, reader)));
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
const countBy = <T,>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe("every read path agrees with can(), for every actor and every state", () => {
  it("the grid is complete: every visibility, status, thread state, deletion and peer rule is there", async () => {
    const rows = await loadRows();
    const seen = new Set(rows.map((row) => `${row.visibility}/${row.moderationStatus}`));
    for (const state of ["public/pending", "public/approved", "public/hidden", "public/spam", "group/pending", "group/approved", "group/hidden", "group/spam", "private/approved"]) {
      expect(seen, state).toContain(state);
    }
    expect(rows.some((row) => row.threadId && row.threadStatus === "hidden")).toBe(true);
    expect(await db.prisma.note.count({ where: { lockedAt: { not: null } } })).toBe(2);
    expect(rows.some((row) => row.threadId && row.moderationStatus === "pending")).toBe(true);
    expect(rows.some((row) => row.deletedAt && row.replyCount > 0)).toBe(true);
    expect(rows.some((row) => row.deletedAt && row.replyCount === 0)).toBe(true);
    expect(new Set(rows.filter((row) => row.assignmentId).map((row) => row.assignmentId)).size).toBe(5);
  });

  it("each actor reads a different, non-empty part of the grid (the oracle is not trivial)", async () => {
    const rows = await loadRows();
    const sets = new Map<string, string>();
    for (const [name, actor] of actors) {
      const allowed = await allowedRows(actor, "note:read", rows);
      expect(allowed.length, name).toBeGreaterThan(0);
      expect(allowed.length, name).toBeLessThan(rows.length);
      sets.set(name, ids(allowed).join());
    }
    expect(new Set(sets.values()).size).toBeGreaterThanOrEqual(9);
  });

  it.each([
    "anonymous", "author", "member", "groupModerator", "groupOwner", "outsider", "reviewer", "admin", "teacher", "student", "classmate",
  ])("%s: list, margin, counts, filter options, search and facets, entry page, orphans, permalinks, threads", async (name) => {
    const actor = actors.find(([each]) => each === name)![1];
    const rows = await loadRows();
    const readable = await allowedRows(actor, "note:read", rows);
    const readableIds = new Set(readable.map((row) => row.id));
    const notes = readable.filter((row) => row.threadId === null);

    // The notes list (API), every page of it.
    const listed = (await listNotes(db.prisma, actor, SLUG, ZNoteListQuery.parse({ limit: "100" }))).notes;
    expect(ids(listed)).toEqual(ids(notes));
    // The letter's margin (anchored notes, per paragraph) and its per-paragraph counts.
    const anchored = notes.filter((row) => row.anchorStatus === "anchored");
    expect(ids(await listNotesPerParagraph(db.prisma, actor, SLUG, {}, "position", 100))).toEqual(ids(anchored));
    const counts = await countNotesByParagraph(db.prisma, actor, SLUG, {});
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(countBy(anchored, (row) => row.paragraph.anchorId!)));
    // The filter form's tags: those of live readable notes.
    const options = await noteFilterOptions(db.prisma, actor, SLUG);
    expect([...options.tags].sort()).toEqual([...new Set(notes.filter((row) => !row.deletedAt).flatMap((row) => row.tags))].sort());

    // Search finds live items only (notes and replies), with a total and facets over exactly those.
    const live = readable.filter((row) => !row.deletedAt);
    const search = await searchNotes(db.prisma, actor, SLUG, parseSearchQuery(new URLSearchParams({ q: WORD, limit: "50" })));
    expect(live.length, "the grid fits one page of search results").toBeLessThanOrEqual(50);
    expect(ids(search.results)).toEqual(ids(live));
    expect(search.total).toBe(live.length);
    const facet = (entries: { value: string; count: number }[]) => Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.value, e.count]));
    expect(facet(search.facets.referenceType)).toEqual(Object.fromEntries(countBy(live, (row) => row.referenceType)));
    expect(facet(search.facets.tag)).toEqual(Object.fromEntries(countBy(live.flatMap((row) => row.tags), (tag) => tag)));

    // The reference entry's page: live notes linked to it.
    const entry = await getReferenceEntry(db.prisma, actor, ENTRY, letter);
    expect(ids(entry.notes.map(({ note }) => note))).toEqual(ids(notes.filter((row) => !row.deletedAt && row.referenceEntryId === ENTRY)));
    // The W3C Web Annotation container: every page of it holds exactly the readable notes and replies, deleted
    // notes with live replies as placeholders, and every annotation it serves passes the W3C model's MUST schemas.
    const facts = await annotationCollectionFacts(db.prisma, actor, SLUG);
    expect(facts.total).toBe(readable.length);
    // Page by page as a client follows the pages' links (pages of 7 here, to cross many page boundaries): forward by
    // keyset, by offset, and backward from the end by keyset — three walks, one set.
    const origin = "https://marginalia.test";
    const walk = async (first: Parameters<typeof annotationPage>[3], next: (read: Awaited<ReturnType<typeof annotationPage>>) => Parameters<typeof annotationPage>[3] | null) => {
      const seen: { id: string }[] = [];
      for (let position: Parameters<typeof annotationPage>[3] | null = first; position; ) {
        const read = await annotationPage(db.prisma, actor, facts.document, position, origin, 7);
        seen.push(...read.annotations);
        position = next(read);
      }
      return seen;
    };
    const served = await walk({ kind: "offset", offset: 0 }, (read) => (read.more && read.last ? { kind: "after", ...read.last } : null));
    let offset = 0;
    const byOffset = await walk({ kind: "offset", offset: 0 }, (read) => (read.more ? { kind: "offset", offset: (offset += 7) } : null));
    const backwards = await walk({ kind: "last", count: facts.total % 7 || 7 }, (read) => (read.first ? { kind: "before", ...read.first } : null));
    expect(byOffset.map((a) => a.id)).toEqual(served.map((a) => a.id));
    expect(new Set(backwards.map((a) => a.id))).toEqual(new Set(served.map((a) => a.id)));
    expect(served.map((annotation) => annotation.id.split("/").at(-1)!).sort()).toEqual(ids(readable));
    for (const annotation of served) expect(mustFailures(annotation), annotation.id).toEqual([]);
    // Notes that lost their passage.
    expect(ids(await listOrphanedNotes(db.prisma, actor, SLUG))).toEqual(ids(notes.filter((row) => row.anchorStatus === "orphan")));
    // The TEI file's and the CSV's notes (lib/export/notes-choice): the public ones are an anonymous reader's,
    // whoever asks; a reader's own; each of their groups'.
    const choice = async (notesChoice: NotesChoice) => {
      const seen: { id: string }[] = [];
      for await (const batch of notesOfChoice(db.prisma, actor, facts.document.id, notesChoice, "grid")) seen.push(...batch);
      return ids(seen);
    };
    expect(await choice({ kind: "public" })).toEqual(ids(await allowedRows(ANONYMOUS, "note:read", rows)));
    if (actor.kind === "user") {
      expect(await choice({ kind: "mine" })).toEqual(ids(readable.filter((row) => row.authorId === actor.id)));
      for (const groupId of (await readerContext(db.prisma, actor)).roles.keys()) {
        expect(await choice({ kind: "group", groupId }), groupId).toEqual(ids(readable.filter((row) => row.visibility === "group" && row.groupId === groupId)));
      }
    }

    // Every item's permalink: found exactly when readable; every readable thread lists exactly its readable replies.
    for (const row of rows) {
      const found = await getNote(db.prisma, actor, row.id).then(
        () => true,
        async (error) => ((await appErrorCode(Promise.reject(error))) === "not_found" ? false : Promise.reject(error)),
      );
      expect(found, `${name} and item ${row.visibility}/${row.moderationStatus}${row.threadId ? " (reply)" : ""}`).toBe(readableIds.has(row.id));
      if (row.threadId === null && readableIds.has(row.id)) {
        const thread = await listThread(db.prisma, actor, row.id);
        expect(ids(thread.replies)).toEqual(ids(readable.filter((reply) => reply.threadId === row.id)));
      }
    }
  });

  it("notification recipients are exactly the readers can() allows, item by item", async () => {
    const rows = await loadRows();
    const users = Object.values(people);
    for (const row of rows) {
      const expected: string[] = [];
      for (const user of users) if ((await allowedRows(user, "note:read", [row])).length && !row.deletedAt) expected.push(user.id);
      expect((await readersAmong(db.prisma, row.id, users.map((user) => user.id))).sort(), `item ${row.id}`).toEqual(expected.sort());
    }
  });

  it("the review queue holds exactly the queued items can() lets each actor moderate; others get 404", async () => {
    const rows = await loadRows();
    for (const [name, actor] of actors) {
      const moderated = (await allowedRows(actor, "note:moderate", rows)).filter((row) => row.queuedAt !== null && !row.deletedAt);
      const queue = await listReviewQueue(db.prisma, actor, ZReviewQueueQuery.parse({})).then(
        (page) => page,
        async (error) => ((await appErrorCode(Promise.reject(error))) === "not_found" ? null : Promise.reject(error)),
      );
      if (queue === null) {
        expect(moderated, `${name} has no queue but moderates items`).toEqual([]);
        continue;
      }
      expect(ids(queue.items.map((item) => item.note)), name).toEqual(ids(moderated));
      expect(queue.total, name).toBe(moderated.length);
    }
  });

  it("each item's actions are the policy's answers for that reader", async () => {
    const rows = await loadRows();
    for (const [name, actor] of actors) {
      const reader = await readerContext(db.prisma, actor);
      const listed = (await listNotes(db.prisma, actor, SLUG, ZNoteListQuery.parse({ limit: "100" }))).notes;
      for (const view of listed) {
        const row = rows.find((each) => each.id === view.id)!;
        const resource = toNoteResource(row, reader);
        const locked = (await db.prisma.note.findUniqueOrThrow({ where: { id: row.id }, select: { lockedAt: true } })).lockedAt !== null;
        expect(view.actions, `${name} on ${row.visibility}/${row.moderationStatus}`).toEqual({
          mayReply: !locked && !row.deletedAt && can(actor, "note:reply", resource),
          mayFlag: can(actor, "note:flag", resource),
          mayEdit: can(actor, "note:update", resource),
          mayDelete: can(actor, "note:delete", resource),
          mayModerate: can(actor, "note:moderate", resource),
        });
      }
    }
  });
});
