import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, getNote, updateNote } from "@/lib/annotations/note-operations";
import { ZCreateReply, ZEditNote } from "@/lib/annotations/note-schemas";
import { createReply } from "@/lib/annotations/reply-operations";
import { ANONYMOUS } from "@/lib/authz/actor";
import { decide } from "@/lib/moderation/decision-operations";
import { ZDecision } from "@/lib/moderation/moderation-schemas";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let trusted: SignedInActor;
let newcomer: SignedInActor;
let reviewer: SignedInActor;
const draft = noteDraft({ paragraph: "p5", referenceType: "event", body: "Thermidor." });

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const user = async (options: Parameters<typeof seedUser>[1]) => (await signIn(db.prisma, (await seedUser(db.prisma, options)).id, clock)).actor;
  trusted = await user({ trusted: true });
  newcomer = await user({ trusted: false });
  reviewer = await user({ siteRole: "reviewer" });
});

afterAll(async () => {
  await db?.drop();
});

const replyCountOf = async (noteId: string) => (await getNote(db.prisma, ANONYMOUS, noteId)).replyCount;

describe("a thread's reply count is what every reader of the note can read", () => {
  it("leaves out a reply waiting for review, counts it once approved, and not once hidden", async () => {
    const note = await createNote(db.prisma, trusted, { slug: SLUG, ...draft() });
    const pending = await createReply(db.prisma, newcomer, { noteId: note.id, ...ZCreateReply.parse({ body: "A first reply, waiting." }) });
    expect(pending.moderationStatus).toBe("pending");
    expect(await replyCountOf(note.id)).toBe(0);
    const approved = await decide(db.prisma, reviewer, { noteId: pending.id, ...ZDecision.parse({ action: "approve", basedOn: pending.moderationRevision }) });
    expect(await replyCountOf(note.id)).toBe(1);
    await decide(db.prisma, reviewer, { noteId: pending.id, ...ZDecision.parse({ action: "hide", reason: "Off the point", basedOn: approved.moderationRevision }) });
    expect(await replyCountOf(note.id)).toBe(0);
  });
});

describe("editing is new text", () => {
  it("an untrusted writer's approved public note goes back to the queue when edited", async () => {
    const note = await createNote(db.prisma, newcomer, { slug: SLUG, ...draft({ body: "Harmless." }) });
    const approved = await decide(db.prisma, reviewer, { noteId: note.id, ...ZDecision.parse({ action: "approve", basedOn: note.moderationRevision }) });
    expect(approved.moderationStatus).toBe("approved");
    const edited = await updateNote(db.prisma, newcomer, { ...ZEditNote.parse({ body: "Now something else entirely." }), noteId: note.id, version: approved.version });
    expect(edited.moderationStatus).toBe("pending");
    expect(await appErrorCode(getNote(db.prisma, ANONYMOUS, note.id))).toBe("not_found");
  });

  it("a trusted writer's edit stays published", async () => {
    const note = await createNote(db.prisma, trusted, { slug: SLUG, ...draft() });
    const edited = await updateNote(db.prisma, trusted, { ...ZEditNote.parse({ body: "Thermidor, 1794." }), noteId: note.id, version: note.version });
    expect(edited.moderationStatus).toBe("approved");
  });
});

describe("a reply answers only what its writer can read", () => {
  it("refuses a pending reply as parent for others, as if it were not there", async () => {
    const note = await createNote(db.prisma, trusted, { slug: SLUG, ...draft() });
    const pending = await createReply(db.prisma, newcomer, { noteId: note.id, ...ZCreateReply.parse({ body: "Waiting." }) });
    const answer = createReply(db.prisma, trusted, { noteId: note.id, ...ZCreateReply.parse({ body: "In reply.", parentId: pending.id }) });
    expect(await appErrorCode(answer)).toBe("bad_request");
    // Its own writer can answer it.
    const own = await createReply(db.prisma, newcomer, { noteId: note.id, ...ZCreateReply.parse({ body: "Adding to it.", parentId: pending.id }) });
    expect(own.parentId).toBe(pending.id);
  });
});
