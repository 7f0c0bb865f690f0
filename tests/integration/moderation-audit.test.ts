import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { ZDecision, ZFlag, ZGroupMode, ZTrust } from "@/lib/moderation/moderation-schemas";
import { decide } from "@/lib/moderation/decision-operations";
import { flagNote } from "@/lib/moderation/flag-operations";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";
import { setTrusted } from "@/lib/moderation/trust-operations";
import { correctParagraph } from "@/lib/corrections/correct-paragraph";
import { sha256Hex } from "@/lib/documents/content-hash";
import { AppError } from "@/lib/errors/app-error";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let author: SignedInActor;
let member: SignedInActor;
let groupId: string;
let reviewer: SignedInActor;
let secondReviewer: SignedInActor;
let admin: SignedInActor;

const draft = noteDraft({ paragraph: "p2", referenceType: "event", body: "The Fifteenth Congress expelled the Opposition." });
const decision = (input: Record<string, unknown>) => ZDecision.parse(input);

async function user(options: Parameters<typeof seedUser>[1] = {}) {
  return (await signIn(db.prisma, (await seedUser(db.prisma, options)).id, clock)).actor;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const readers = await seedLetterReaders(db.prisma, clock);
  ({ groupId } = readers);
  [author, member] = [readers.author, readers.member] as SignedInActor[];
  [reviewer, secondReviewer, admin] = await Promise.all([
    user({ siteRole: "reviewer", displayName: "First reviewer" }),
    user({ siteRole: "reviewer", displayName: "Second reviewer" }),
    user({ siteRole: "admin", displayName: "The admin" }),
  ]);
});

afterAll(async () => {
  await db?.drop();
});

describe("the moderation trail", () => {
  /** The records an operation added (ids are compared, so two records written in the same millisecond still count). */
  async function recordsAddedBy(run: () => Promise<unknown>) {
    const before = (await db.prisma.moderationRecord.findMany({ select: { id: true } })).map((record) => record.id);
    await run();
    return db.prisma.moderationRecord.findMany({ where: { id: { notIn: before } } });
  }
  async function recordOf(run: () => Promise<unknown>) {
    const added = await recordsAddedBy(run);
    expect(added).toHaveLength(1);
    return added[0];
  }

  it("has one record for every flag, decision, trust change and group-mode change, with who, what, before, after, why", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const pending = await createNote(db.prisma, member, { slug: SLUG, ...draft() });
    expect(pending.moderationStatus).toBe("pending");
    const queuedAt = (await db.prisma.note.findUniqueOrThrow({ where: { id: pending.id } })).queuedAt;
    expect(queuedAt).not.toBeNull();

    expect(await recordOf(() => flagNote(db.prisma, member, { noteId: note.id, ...ZFlag.parse({ reason: "inaccurate", comment: "The congress was in December" }) }))).toMatchObject({
      action: "flag", actorId: member.id, actorLabel: member.displayName, noteId: note.id, subjectUserId: author.id,
      previousStatus: "approved", newStatus: "approved", reason: "inaccurate: The congress was in December", queuedAt: expect.any(Date),
    });
    expect(await recordOf(() => decide(db.prisma, reviewer, { noteId: pending.id, ...decision({ action: "approve", basedOn: 0 }) }))).toMatchObject({
      action: "approve", actorId: reviewer.id, actorLabel: "First reviewer", noteId: pending.id, subjectUserId: member.id,
      previousStatus: "pending", newStatus: "approved", queuedAt,
    });
    const steps = [
      { action: "hide", reason: "Misdates the congress", previousStatus: "approved", newStatus: "hidden" },
      { action: "restore", previousStatus: "hidden", newStatus: "approved" },
      { action: "spam", previousStatus: "approved", newStatus: "spam" },
      { action: "restore", previousStatus: "spam", newStatus: "approved" },
      { action: "lock", previousStatus: "unlocked", newStatus: "locked" },
      { action: "unlock", previousStatus: "locked", newStatus: "unlocked" },
    ];
    for (const [index, step] of steps.entries()) {
      const record = await recordOf(() => decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: step.action, reason: step.reason, basedOn: index }) }));
      expect(record).toMatchObject({ ...step, reason: step.reason ?? null, actorId: reviewer.id, noteId: note.id, subjectUserId: author.id });
    }

    expect(await recordOf(() => setTrusted(db.prisma, reviewer, { userId: member.id, ...ZTrust.parse({ trusted: true, reason: "Careful writer" }) }))).toMatchObject({
      action: "trust", actorId: reviewer.id, subjectUserId: member.id, previousStatus: "untrusted", newStatus: "trusted", reason: "Careful writer", noteId: null,
    });
    expect(await recordOf(() => setTrusted(db.prisma, admin, { userId: member.id, ...ZTrust.parse({ trusted: false, reason: "Second thoughts" }) }))).toMatchObject({
      action: "untrust", actorId: admin.id, subjectUserId: member.id, previousStatus: "trusted", newStatus: "untrusted",
    });
    // Setting what already holds changes nothing and records nothing.
    expect(await recordsAddedBy(() => setTrusted(db.prisma, admin, { userId: member.id, ...ZTrust.parse({ trusted: false, reason: "Still no" }) }))).toEqual([]);

    expect(await recordOf(() => setGroupModerationMode(db.prisma, author, { groupId, ...ZGroupMode.parse({ mode: "premoderated" }) }))).toMatchObject({
      action: "group_mode", actorId: author.id, groupId, previousStatus: "open", newStatus: "premoderated",
    });
    expect(await recordsAddedBy(() => setGroupModerationMode(db.prisma, author, { groupId, ...ZGroupMode.parse({ mode: "premoderated" }) }))).toEqual([]);

    // A refused decision leaves no record.
    const refused = await recordsAddedBy(() => decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "approve", basedOn: 0 }) }).catch((error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
    }));
    expect(refused).toEqual([]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE at the database, whoever asks", async () => {
    const before = await db.prisma.moderationRecord.findMany({ orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(0);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "ModerationRecord" SET "reason" = 'rewritten'`)).rejects.toThrow();
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "ModerationRecord"`)).rejects.toThrow();
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "ModerationRecord"`)).rejects.toThrow();
    await expect(db.prisma.moderationRecord.deleteMany({})).rejects.toThrow();
    expect(await db.prisma.moderationRecord.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("concurrent decisions on one item", () => {
  it(
    "exactly one of two simultaneous decisions wins; the other gets 409 with the winner's state; one record",
    async () => {
      for (let round = 0; round < 5; round++) {
        const note = await createNote(db.prisma, author, { slug: SLUG, ...draft({ body: `Contested note ${round}.` }) });
        await flagNote(db.prisma, member, { noteId: note.id, ...ZFlag.parse({ reason: "spam" }) });
        const outcomes = await Promise.allSettled([
          decide(db.prisma, reviewer, { noteId: note.id, ...decision({ action: "hide", reason: "Hidden by the first", basedOn: 0 }) }),
          decide(db.prisma, secondReviewer, { noteId: note.id, ...decision({ action: "spam", basedOn: 0 }) }),
        ]);
        const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
        const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const refusal = lost[0].reason as AppError;
        expect(refusal).toBeInstanceOf(AppError);
        expect(refusal.code).toBe("conflict");

        const row = await db.prisma.note.findUniqueOrThrow({ where: { id: note.id } });
        expect(row.moderationRevision).toBe(1);
        expect(refusal.details.body).toEqual({ current: { moderationStatus: row.moderationStatus, moderationRevision: 1, lockedAt: null } });
        const records = await db.prisma.moderationRecord.findMany({ where: { noteId: note.id, action: { in: ["hide", "spam"] } } });
        expect(records).toHaveLength(1);
        expect(records[0].newStatus).toBe(row.moderationStatus);
        // The flag was resolved once, by the winner.
        const flags = await db.prisma.flag.findMany({ where: { noteId: note.id } });
        expect(flags.map((flag) => flag.resolution)).toEqual([records[0].action]);
      }
    },
  );
});

describe("the audit log of trust changes and text corrections", () => {
  /** The AuditRecords an operation added. */
  async function auditAddedBy(run: () => Promise<unknown>) {
    const before = (await db.prisma.auditRecord.findMany({ select: { id: true } })).map((record) => record.id);
    await run();
    return db.prisma.auditRecord.findMany({ where: { id: { notIn: before } } });
  }

  it("a trust change: one record with who, whom, before, after and why, beside its moderation record; none when nothing changes", async () => {
    const writer = await user({ displayName: "A careful writer" });
    clock.advance(1_000);
    expect(await auditAddedBy(() => setTrusted(db.prisma, reviewer, { userId: writer.id, ...ZTrust.parse({ trusted: true, reason: "Cites every source" }) }, { clock }))).toEqual([
      expect.objectContaining({
        action: "user.trust", actorId: reviewer.id, subjectId: writer.id, groupId: null, targetId: null,
        before: "untrusted", after: "trusted", reason: "Cites every source", createdAt: clock.now(),
      }),
    ]);
    expect(await auditAddedBy(() => setTrusted(db.prisma, admin, { userId: writer.id, ...ZTrust.parse({ trusted: false, reason: "Copied a page" }) }, { clock }))).toEqual([
      expect.objectContaining({ action: "user.trust", actorId: admin.id, subjectId: writer.id, before: "trusted", after: "untrusted", reason: "Copied a page" }),
    ]);
    expect(await auditAddedBy(() => setTrusted(db.prisma, admin, { userId: writer.id, ...ZTrust.parse({ trusted: false, reason: "Still not" }) }, { clock }))).toEqual([]);
    // A refusal records nothing.
    const refused = await auditAddedBy(async () => {
      expect(await appErrorCode(setTrusted(db.prisma, member, { userId: writer.id, ...ZTrust.parse({ trusted: true, reason: "A friend" }) }))).toBe("forbidden");
    });
    expect(refused).toEqual([]);
  });

  it("a paragraph correction: one record naming the paragraph, the old and new text by their hashes, and the reason", async () => {
    const paragraph = await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: "p4", document: { slug: SLUG } } });
    const newText = `${paragraph.text} [sic]`;
    clock.advance(1_000);
    const added = await auditAddedBy(() => correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p4", oldText: paragraph.text, newText, reason: "Marks a misprint" }, { clock }));
    expect(added).toEqual([
      expect.objectContaining({
        action: "paragraph.correct", actorId: admin.id, subjectId: null, groupId: null, targetId: paragraph.id,
        before: paragraph.contentHash, after: sha256Hex(newText), reason: `${SLUG} p4: Marks a misprint`, createdAt: clock.now(),
      }),
    ]);
    expect(paragraph.contentHash).toBe(sha256Hex(paragraph.text));
    // Refused corrections (stale text, not an admin) record nothing.
    const refused = await auditAddedBy(async () => {
      expect(await appErrorCode(correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p4", oldText: paragraph.text, newText: "Another text.", reason: "Stale copy" }))).toBe("conflict");
      expect(await appErrorCode(correctParagraph(db.prisma, reviewer, { slug: SLUG, anchor: "p4", oldText: newText, newText: "Another text.", reason: "Not mine to do" }))).toBe("forbidden");
    });
    expect(refused).toEqual([]);
  });
});
