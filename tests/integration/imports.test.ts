import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import { importAnnotations } from "@/lib/imports/import-operations";
import { ZImportQuery } from "@/lib/imports/import-schemas";
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
const query = (values: Record<string, string>) => ZImportQuery.parse(values);

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
    const passageNote = await createNote(source.prisma, author, SLUG, draft({ paragraph: "p5", ...passage(p5, "the international proletariat"), body: "On **internationalism**.", tags: ["comintern", "exile"], sources: [{ citation: "Deutscher 1959", url: "https://example.org/prophet", doi: "10.1234/abc" }], referenceType: "concept", referenceEntryId: "volinsky", visibility: "public" }));
    const paragraphNote = await createNote(source.prisma, author, SLUG, draft({ paragraph: "p9", visibility: "private", body: "Private, the whole paragraph." }));
    const groupNote = await createNote(source.prisma, author, SLUG, draft({ paragraph: "p12", visibility: "group", groupId, body: "For the group.", referenceType: "person" }));
    const reply = await createReply(source.prisma, author, passageNote.id, { body: "A reply." });
    await createReply(source.prisma, author, passageNote.id, { body: "A reply to the reply.", parentId: reply.id });
    await createReply(source.prisma, author, groupNote.id, { body: "A reply in the group." });
    void paragraphNote;

    const file = await exportedText(source, author);
    const report = await importAnnotations(target.prisma, importer, SLUG, file, query({ visibility: "keep" }), ORIGIN);
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

    const again = await importAnnotations(target.prisma, importer, SLUG, file, query({ visibility: "keep" }), ORIGIN);
    expect(again.counts).toMatchObject({ anchored: 0, moved: 0, orphaned: 0, duplicate: 6 });
    expect(await target.prisma.note.count({ where: { authorId: author.id } })).toBe(before.length);
  });

  it("a preview writes nothing and says the same as the import will", async () => {
    const note = await createNote(source.prisma, author, SLUG, draft({ paragraph: "p7", visibility: "private", body: "Previewed first." }));
    void note;
    const file = await exportedText(source, author);
    const count = await target.prisma.note.count();
    const preview = await importAnnotations(target.prisma, importer, SLUG, file, query({ visibility: "private", dryRun: "1" }), ORIGIN);
    expect(await target.prisma.note.count()).toBe(count);
    expect(preview.dryRun).toBe(true);
    const done = await importAnnotations(target.prisma, importer, SLUG, file, query({ visibility: "private" }), ORIGIN);
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
      await expect(importAnnotations(target.prisma, importer, SLUG, w3cFile(1_200, { at: 900, text: "FAIL-HERE" }), query({ visibility: "private" }), ORIGIN)).rejects.toThrow();
      expect(await target.prisma.note.count()).toBe(before);
    } finally {
      await target.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_marked_note ON "Note"`);
      await target.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_marked_note()`);
    }
  });

  it("a public import by a writer who is not trusted is refused whole (it cannot yet go to review as one batch)", async () => {
    const untrusted = await seedUser(target.prisma, { displayName: "New reader" });
    const actor = (await signIn(target.prisma, untrusted.id, clock)).actor;
    const error = await appErrorOf(importAnnotations(target.prisma, actor, SLUG, w3cFile(3, null), query({ visibility: "public", dryRun: "1" }), ORIGIN));
    expect(error.status).toBe(403);
    expect(await target.prisma.note.count({ where: { authorId: untrusted.id } })).toBe(0);
    const privately = await importAnnotations(target.prisma, actor, SLUG, w3cFile(3, null), query({ visibility: "private" }), ORIGIN);
    expect(privately.counts.anchored).toBe(3);
  });

  it("mentions in imported text notify nobody", async () => {
    const mentioned = await seedUser(target.prisma, { displayName: "Leon Sedov" });
    const file = w3cFile(1, { at: 0, text: "Ask @LeonSedov about this." });
    await importAnnotations(target.prisma, importer, SLUG, file.replace("00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-999999999999"), query({ visibility: "public" }), ORIGIN);
    expect(await target.prisma.notification.count({ where: { userId: mentioned.id } })).toBe(0);
  });
});
