import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReply } from "@/lib/annotations/reply-operations";
import { previewImport, runImport } from "@/lib/imports/import-operations";
import { createNote, deleteNote } from "@/lib/annotations/note-operations";
import { annotationCollectionFacts } from "@/lib/w3c/annotation-queries";
import { ANONYMOUS } from "@/lib/authz/actor";
import { decide } from "@/lib/moderation/decision-operations";
import { listReviewQueue } from "@/lib/moderation/queue-queries";
import { ZReviewQueueQuery } from "@/lib/moderation/review-queue-view";
import { loadRequestContext } from "@/lib/request/request-context";
import { exportAnnotations } from "@/lib/w3c/annotation-export";
import { appErrorOf, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ORIGIN = "https://marginalia.test";
const clock = createControllableClock();
const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "A note." });

let source: TestDatabase;
let target: TestDatabase;
let author: SignedInActor;
let importer: SignedInActor;
let groupId: string;

async function paragraphText(db: TestDatabase, anchor: string) {
  return (await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: anchor } })).text;
}

function passage(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the paragraph`);
  return { quote: { exact: phrase, prefix: text.slice(Math.max(0, start - 20), start), suffix: text.slice(start + phrase.length, start + phrase.length + 20) }, position: { start, end: start + phrase.length } };
}

/** A person in both databases under the same id, trusted, signed in on the target. */
async function twin(name: string) {
  const user = await seedUser(source.prisma, { displayName: name, trusted: true });
  await target.prisma.user.create({ data: { id: user.id, email: user.email, displayName: name, trusted: true } });
  return { source: (await signIn(source.prisma, user.id, clock)).actor, target: (await signIn(target.prisma, user.id, clock)).actor };
}

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = source.url;
  await Promise.all([importLetterWithIndex(source.prisma), importLetterWithIndex(target.prisma)]);
  const a = await twin("Natalia Sedova");
  author = a.source;
  importer = a.target;
  const group = await source.prisma.group.create({ data: { kind: "research", name: "Alma-Ata readers", createdById: author.id, memberships: { create: [{ userId: author.id, role: "owner" }] } } });
  groupId = group.id;
  await target.prisma.group.create({ data: { id: group.id, kind: "research", name: "Alma-Ata readers", createdById: author.id, memberships: { create: [{ userId: author.id, role: "owner" }] } } });
}, 120_000);

afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
});

async function exportedText(db: TestDatabase, who: SignedInActor) {
  const document = await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, slug: true } });
  let text = "";
  for await (const piece of exportAnnotations(db.prisma, await loadRequestContext(db.prisma, who), document, { kind: "mine" }, ORIGIN, "My notes")) text += piece;
  return text;
}

const shape = (row: Record<string, unknown> & { paragraph: { anchorId: string | null } }) => ({
  paragraph: row.paragraph.anchorId,
  body: row.body,
  tags: row.tags,
  sources: row.sources,
  referenceType: row.referenceType,
  referenceEntryId: row.referenceEntryId,
  visibility: row.visibility,
  groupId: row.groupId,
  quoteExact: row.quoteExact,
  quotePrefix: row.quotePrefix,
  quoteSuffix: row.quoteSuffix,
  positionStart: row.positionStart,
  positionEnd: row.positionEnd,
  anchorStatus: row.anchorStatus,
});

describe("importing Marginalia's own export", () => {
  it("restores every note, reply, tag, source, type, entry, visibility and passage exactly; importing again changes nothing", async () => {
    const p5 = await paragraphText(source, "p5");
    const passageNote = await createNote(source.prisma, author, { slug: SLUG, ...draft({ paragraph: "p5", ...passage(p5, "the international proletariat"), body: "On **internationalism**.", tags: ["comintern", "exile"], sources: [{ citation: "Deutscher 1959", url: "https://example.org/prophet", doi: "10.1234/abc" }], referenceType: "concept", referenceEntryId: "volinsky", visibility: "public" }) });
    const paragraphNote = await createNote(source.prisma, author, { slug: SLUG, ...draft({ paragraph: "p9", visibility: "private", body: "Private, the whole paragraph." }) });
    const groupNote = await createNote(source.prisma, author, { slug: SLUG, ...draft({ paragraph: "p12", visibility: "group", groupId, body: "For the group.", referenceType: "person" }) });
    const reply = await createReply(source.prisma, author, { noteId: passageNote.id, body: "A reply." });
    await createReply(source.prisma, author, { noteId: passageNote.id, body: "A reply to the reply.", parentId: reply.id });
    await createReply(source.prisma, author, { noteId: groupNote.id, body: "A reply in the group." });
    void paragraphNote;

    const file = await exportedText(source, author);
    const report = await runImport(target.prisma, importer, { slug: SLUG, file, visibility: "keep", origin: ORIGIN });
    expect(report.source).toBe("marginalia");
    expect(report.counts).toEqual({ anchored: 6, moved: 0, orphaned: 0, refused: 0, duplicate: 0 });

    const load = (db: TestDatabase) => db.prisma.note.findMany({ where: { authorId: author.id }, include: { paragraph: { select: { anchorId: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const before = await load(source);
    const after = await load(target);
    expect(after).toHaveLength(before.length);
    const byBody = (rows: typeof before) => new Map(rows.map((row) => [row.body, row]));
    const imported = byBody(after);
    for (const original of before) {
      const copy = imported.get(original.body)!;
      expect(copy, original.body).toBeTruthy();
      expect(shape(copy)).toEqual(shape(original));
      expect(copy.attribution).toMatch(/^Imported from Marginalia; originally by Natalia Sedova on \d{4}-\d{2}-\d{2}$/);
      // Threads keep their shape: the same note opens them and each reply answers the same item.
      const thread = before.find((row) => row.id === original.threadId);
      const parent = before.find((row) => row.id === original.parentId);
      expect(after.find((row) => row.id === copy.threadId)?.body ?? null).toBe(thread?.body ?? null);
      expect(after.find((row) => row.id === copy.parentId)?.body ?? null).toBe(parent?.body ?? null);
    }
    expect(after.find((row) => row.body === "On **internationalism**.")!.replyCount).toBe(2);

    const again = await runImport(target.prisma, importer, { slug: SLUG, file, visibility: "keep", origin: ORIGIN });
    expect(again.counts).toMatchObject({ anchored: 0, moved: 0, orphaned: 0, duplicate: 6 });
    expect(await target.prisma.note.count({ where: { authorId: author.id } })).toBe(before.length);
  });

  it("a preview writes nothing and says the same as the import will", async () => {
    const note = await createNote(source.prisma, author, { slug: SLUG, ...draft({ paragraph: "p7", visibility: "private", body: "Previewed first." }) });
    void note;
    const file = await exportedText(source, author);
    const count = await target.prisma.note.count();
    const preview = await previewImport(target.prisma, importer, { slug: SLUG, file, visibility: "private", origin: ORIGIN });
    expect(await target.prisma.note.count()).toBe(count);
    expect(preview.dryRun).toBe(true);
    const done = await runImport(target.prisma, importer, { slug: SLUG, file, visibility: "private", origin: ORIGIN });
    expect(done.items.map(({ index, status, paragraph }) => ({ index, status, paragraph }))).toEqual(preview.items.map(({ index, status, paragraph }) => ({ index, status, paragraph })));
  });
});

/** A generic W3C file of `count` whole-paragraph annotations, one of them carrying `marker` in its text. */
function w3cFile(count: number, marker: { at: number; text: string } | null) {
  const items = Array.from({ length: count }, (_, index) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    type: "Annotation",
    body: { type: "TextualBody", value: marker?.at === index ? marker.text : `Generated note ${index}.`, format: "text/plain" },
    target: { source: `${ORIGIN}/letters/${SLUG}`, selector: { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: `p${(index % 20) + 1}` } },
  }));
  return JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: count, first: { type: "AnnotationPage", items } });
}

describe("an import either completes or leaves nothing", () => {
  it("a statement failing in a later batch rolls back the batches before it", async () => {
    // A real failure inside PostgreSQL, not a stand-in: a trigger refuses one row of the second batch.
    await target.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_marked_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.body LIKE '%FAIL-HERE%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await target.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_marked_note BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION refuse_marked_note()`);
    try {
      const before = await target.prisma.note.count();
      await expect(runImport(target.prisma, importer, { slug: SLUG, file: w3cFile(1_200, { at: 900, text: "FAIL-HERE" }), visibility: "private", origin: ORIGIN })).rejects.toThrow();
      expect(await target.prisma.note.count()).toBe(before);
    } finally {
      await target.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_marked_note ON "Note"`);
      await target.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_marked_note()`);
    }
  });

  it("mentions in imported text notify nobody", async () => {
    const mentioned = await seedUser(target.prisma, { displayName: "Leon Sedov" });
    const file = w3cFile(1, { at: 0, text: "Ask @LeonSedov about this." });
    await runImport(target.prisma, importer, { slug: SLUG, file: file.replace("00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-999999999999"), visibility: "public", origin: ORIGIN });
    expect(await target.prisma.notification.count({ where: { userId: mentioned.id } })).toBe(0);
  });
});

describe("an import that waits for review is one entry in the queue", () => {
  const queueOf = async (reviewer: SignedInActor, authorId: string) =>
    (await listReviewQueue(target.prisma, reviewer, ZReviewQueueQuery.parse({ limit: 50 }))).items.filter((item) => item.note.author.id === authorId);
  // What an anonymous reader can read on the letter, counted by the one visibility rule (the W3C container's total).
  const anonymousCount = async () => (await annotationCollectionFacts(target.prisma, ANONYMOUS, SLUG)).total;

  it("10,000 annotations by an untrusted writer: one queue entry, one decision, one notification", { timeout: 180_000 }, async () => {
    const untrusted = await seedUser(target.prisma, { displayName: "New reader" });
    const actor = (await signIn(target.prisma, untrusted.id, clock)).actor;
    const reviewer = (await signIn(target.prisma, (await seedUser(target.prisma, { siteRole: "reviewer" })).id, clock)).actor;
    const mentioned = await seedUser(target.prisma, { displayName: "Lev Sedov" });
    const file = w3cFile(10_000, { at: 7, text: "Ask @LevSedov about this." }).replaceAll("00000000-0000-4000-8000-", "00000000-0000-4000-9000-");
    const publicBefore = await anonymousCount();

    const preview = await previewImport(target.prisma, actor, { slug: SLUG, file, visibility: "public", origin: ORIGIN });
    expect(preview.review).toEqual({ items: 10_000, batches: 1 });
    const report = await runImport(target.prisma, actor, { slug: SLUG, file, visibility: "public", origin: ORIGIN });
    expect(report.review).toEqual({ items: 10_000, batches: 1 });
    expect(await target.prisma.note.count({ where: { authorId: untrusted.id, moderationStatus: "pending" } })).toBe(10_000);
    // One queued item stands for the batch; nobody else sees the notes yet; nobody was told of anything.
    expect(await target.prisma.note.count({ where: { authorId: untrusted.id, queuedAt: { not: null } } })).toBe(1);
    expect(await anonymousCount()).toBe(publicBefore);
    expect(await target.prisma.notification.count({ where: { userId: { in: [mentioned.id, reviewer.id] } } })).toBe(0);

    const [entry, ...others] = await queueOf(reviewer, untrusted.id);
    expect(others).toHaveLength(0);
    expect(entry!.batch).toMatchObject({ source: "a W3C Web Annotation file", noteCount: 10_000, replyCount: 0, anchored: 10_000, pending: 10_000 });
    expect(entry!.batch!.sample).toHaveLength(5);

    await decide(target.prisma, reviewer, { noteId: entry!.note.id, action: "approve", basedOn: entry!.moderationRevision });
    expect(await target.prisma.note.count({ where: { authorId: untrusted.id, moderationStatus: "approved" } })).toBe(10_000);
    expect(await target.prisma.note.count({ where: { authorId: untrusted.id, queuedAt: { not: null } } })).toBe(0);
    expect(await anonymousCount()).toBe(publicBefore + 10_000);
    expect(await queueOf(reviewer, untrusted.id)).toHaveLength(0);
    const told = await target.prisma.notification.findMany({ where: { userId: untrusted.id } });
    expect(told.map((notification) => notification.text)).toEqual(["Your import was approved: its 10,000 notes and replies can now be seen by others"]);
    expect(await target.prisma.notification.count({ where: { userId: mentioned.id } })).toBe(0);
    const records = await target.prisma.moderationRecord.findMany({ where: { subjectUserId: untrusted.id } });
    expect(records.map((record) => [record.action, record.reason])).toEqual([["approve", "an import decided as one: this and 9999 more"]]);
  });

  it("replies wait with their notes and are counted once approved; hiding the entry hides the batch", async () => {
    const untrusted = await seedUser(target.prisma, { displayName: "Another new reader" });
    const actor = (await signIn(target.prisma, untrusted.id, clock)).actor;
    const reviewer = (await signIn(target.prisma, (await seedUser(target.prisma, { siteRole: "reviewer" })).id, clock)).actor;
    const file = await exportedText(source, author);
    const report = await runImport(target.prisma, actor, { slug: SLUG, file, visibility: "public", origin: ORIGIN });
    const replies = report.items.filter((item) => item.kind === "reply" && item.status !== "refused").length;
    expect(replies).toBeGreaterThan(0);
    expect(report.review).toEqual({ items: report.items.filter((item) => item.status !== "refused").length, batches: 1 });
    const rows = await target.prisma.note.findMany({ where: { authorId: untrusted.id } });
    expect(rows.every((row) => row.moderationStatus === "pending" && (row.threadId === null || row.threadStatus === "pending"))).toBe(true);
    expect(rows.filter((row) => row.threadId === null).every((row) => row.replyCount === 0)).toBe(true);

    const [entry] = await queueOf(reviewer, untrusted.id);
    expect(entry!.batch).toMatchObject({ replyCount: replies, pending: rows.length });
    await decide(target.prisma, reviewer, { noteId: entry!.note.id, action: "hide", basedOn: entry!.moderationRevision, reason: "Not about the letter" });
    const after = await target.prisma.note.findMany({ where: { authorId: untrusted.id } });
    expect(after.every((row) => row.moderationStatus === "hidden" && (row.threadId === null || row.threadStatus === "hidden"))).toBe(true);
    expect(after.every((row) => row.moderationReason === "Not about the letter")).toBe(true);
  });

  it("approved, a batch's threads count their replies; deleting the queued lead passes the entry on", async () => {
    const untrusted = await seedUser(target.prisma, { displayName: "A third new reader" });
    const actor = (await signIn(target.prisma, untrusted.id, clock)).actor;
    const reviewer = (await signIn(target.prisma, (await seedUser(target.prisma, { siteRole: "reviewer" })).id, clock)).actor;
    await runImport(target.prisma, actor, { slug: SLUG, file: await exportedText(source, author), visibility: "public", origin: ORIGIN });
    const lead = await target.prisma.note.findFirstOrThrow({ where: { authorId: untrusted.id, queuedAt: { not: null } } });
    await deleteNote(target.prisma, actor, { noteId: lead.id });
    const [entry, ...others] = await queueOf(reviewer, untrusted.id);
    expect(others).toHaveLength(0);
    expect(entry!.note.id).not.toBe(lead.id);
    expect(entry!.queuedAt).toBe(lead.queuedAt!.toISOString());
    await decide(target.prisma, reviewer, { noteId: entry!.note.id, action: "approve", basedOn: entry!.moderationRevision });
    const threads = await target.prisma.note.findMany({ where: { authorId: untrusted.id, threadId: null, deletedAt: null }, include: { threadReplies: true } });
    for (const thread of threads) {
      expect(thread.replyCount).toBe(thread.threadReplies.filter((reply) => reply.deletedAt === null && reply.moderationStatus === "approved").length);
    }
    expect(threads.some((thread) => thread.replyCount > 0)).toBe(true);
  });

  it("a plain member's import into a premoderated group waits for the group's moderators as one entry", async () => {
    const member = await seedUser(target.prisma, { displayName: "A member" });
    const owner = await seedUser(target.prisma, { displayName: "The owner" });
    const group = await target.prisma.group.create({
      data: { kind: "research", name: "Premoderated readers", moderationMode: "premoderated", createdById: owner.id, memberships: { create: [{ userId: owner.id, role: "owner" }, { userId: member.id, role: "member" }] } },
    });
    const actor = (await signIn(target.prisma, member.id, clock)).actor;
    const ownerActor = (await signIn(target.prisma, owner.id, clock)).actor;
    const report = await runImport(target.prisma, actor, { slug: SLUG, file: w3cFile(4, null).replaceAll("00000000-0000-4000-8000-", "00000000-0000-4000-a000-"), visibility: `group:${group.id}`, origin: ORIGIN });
    expect(report.review).toEqual({ items: 4, batches: 1 });
    const [entry, ...others] = await queueOf(ownerActor, member.id);
    expect(others).toHaveLength(0);
    expect(entry!.batch).toMatchObject({ noteCount: 4, pending: 4 });
  });
});
