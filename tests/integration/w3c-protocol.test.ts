import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import { ANONYMOUS } from "@/lib/authz/actor";
import { loadRequestContext } from "@/lib/request/request-context";
import { getPublicPerson } from "@/lib/people/public-person";
import { exportAnnotations } from "@/lib/w3c/annotation-export";
import { getAnnotation } from "@/lib/w3c/annotation-queries";
import { createAnnotation, deleteAnnotation, replaceAnnotation } from "@/lib/w3c/annotation-writes";
import { mustFailures } from "../support/w3c-validator";
import { appErrorOf, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ORIGIN = "https://marginalia.test";
const LETTER = `${ORIGIN}/letters/${SLUG}`;
const CONTEXT = ["http://www.w3.org/ns/anno.jsonld", `${ORIGIN}/ns/marginalia.jsonld`];
const clock = createControllableClock();
const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "A note." });

let db: TestDatabase;
let author: SignedInActor;
let member: SignedInActor;
let outsider: SignedInActor;
let groupId: string;
let p3: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetterWithIndex(db.prisma);
  ({ author, member, outsider, groupId } = await seedLetterReaders(db.prisma, clock));
  p3 = (await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: "p3" } })).text;
});
afterAll(async () => {
  await db?.drop();
});

function passage(phrase: string) {
  const start = [...p3].join("").indexOf(phrase);
  return [
    { type: "TextQuoteSelector", exact: phrase, prefix: p3.slice(Math.max(0, start - 10), start), suffix: p3.slice(start + phrase.length, start + phrase.length + 10) },
    { type: "TextPositionSelector", start, end: start + phrase.length },
  ];
}

function annotation(extra: Record<string, unknown> = {}, refinedBy?: unknown[]) {
  return {
    "@context": CONTEXT,
    type: "Annotation",
    motivation: "commenting",
    body: [
      { type: "TextualBody", value: "The **G.P.U.**, the political police.", format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "police", purpose: "tagging" },
    ],
    target: { source: LETTER, selector: { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: "p3", ...(refinedBy ? { refinedBy } : {}) } },
    ...extra,
  };
}

const uuidOf = (iri: string) => iri.split("/").at(-1)!;

describe("writes through the W3C protocol", () => {
  it("POST makes a note with its passage, tags and visibility; canonical is kept and a client id goes to via", async () => {
    const phrase = p3.split(" ").slice(2, 5).join(" ");
    const created = await createAnnotation(
      db.prisma,
      author,
      SLUG,
      annotation({ visibility: "private", canonical: "urn:uuid:9d6b7f5e-2b0c-4a5e-8f11-0c1d2e3f4a5b", id: "https://elsewhere.example/anno/7" }, passage(phrase)),
      ORIGIN,
    );
    const row = await db.prisma.note.findUniqueOrThrow({ where: { id: created.row.id } });
    expect(row).toMatchObject({ visibility: "private", quoteExact: phrase, tags: ["police"], referenceType: "other", canonical: "urn:uuid:9d6b7f5e-2b0c-4a5e-8f11-0c1d2e3f4a5b", via: "https://elsewhere.example/anno/7" });
    const served = created.annotation as Record<string, unknown>;
    expect(served.id).toBe(`${ORIGIN}/annotations/${SLUG}/${row.id}`);
    expect(served.canonical).toBe(row.canonical);
    expect(mustFailures(served)).toEqual([]);
    expect(created.etag).toBe('"1.0"');
  });

  it("a reply answers a note, and a reply to a reply lands in the same thread", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const target = `${ORIGIN}/annotations/${SLUG}/${note.id}`;
    // The author is trusted (published at once), so the member may answer the author's reply.
    const reply = await createAnnotation(db.prisma, author, SLUG, { "@context": CONTEXT, type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "Which year?", format: "text/markdown", purpose: "commenting" }, target }, ORIGIN);
    expect(reply.row).toMatchObject({ threadId: note.id, parentId: note.id });
    const again = await createAnnotation(db.prisma, member, SLUG, { "@context": CONTEXT, type: "Annotation", motivation: "replying", bodyValue: "1928.", target: reply.annotation.id }, ORIGIN);
    expect(again.row).toMatchObject({ threadId: note.id, parentId: reply.row.id });
    expect((again.annotation as Record<string, unknown>).target).toBe(reply.annotation.id);
    expect(mustFailures(again.annotation)).toEqual([]);
  });

  it("bad input is 400 naming what is wrong, never a 500", async () => {
    const cases: [unknown, string][] = [
      [{ "@context": CONTEXT, type: "Note" }, "type"],
      // Positions inside the paragraph, but a quote that is not what stands there.
      [annotation({}, [{ type: "TextQuoteSelector", exact: "x".repeat(15) }, { type: "TextPositionSelector", start: 5, end: 20 }]), "TextQuoteSelector"],
      [{ ...annotation(), target: { source: `${ORIGIN}/letters/another-letter`, selector: { type: "FragmentSelector", value: "p3" } } }, "target"],
      [annotation({ mrgSecret: 1 }), "mrgSecret"],
      [annotation({ "@context": ["http://www.w3.org/ns/anno.jsonld", "https://evil.example/context.jsonld"] }), "@context"],
      [annotation({ body: { type: "TextualBody", value: "x", purpose: "classifying" } }), "body"],
      [{ ...annotation(), target: `${LETTER}#p9999` }, "target"],
    ];
    for (const [input, field] of cases) {
      const error = await appErrorOf(createAnnotation(db.prisma, author, SLUG, input, ORIGIN));
      expect(error.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(Object.keys(error.details.fields ?? {}).join(" "), JSON.stringify(input).slice(0, 80)).toContain(field);
    }
  });

  it("PUT needs If-Match (428), refuses a stale one (412) and changes to server-managed fields (409), then replaces", async () => {
    const { annotation: served, etag, row } = await createAnnotation(db.prisma, author, SLUG, annotation({ visibility: "group", group: `${ORIGIN}/groups/${groupId}` }), ORIGIN);
    const id = row.id;
    const edited = { ...served, body: [{ type: "TextualBody", value: "The OGPU.", format: "text/markdown", purpose: "commenting" }] };
    expect((await appErrorOf(replaceAnnotation(db.prisma, author, SLUG, id, edited, null, ORIGIN))).status).toBe(428);
    expect((await appErrorOf(replaceAnnotation(db.prisma, author, SLUG, id, edited, '"7.0"', ORIGIN))).status).toBe(412);
    expect((await appErrorOf(replaceAnnotation(db.prisma, author, SLUG, id, edited, "not a tag", ORIGIN))).status).toBe(400);
    const { group: _group, ...withoutGroup } = edited as Record<string, unknown>;
    for (const changed of [{ ...edited, created: "2001-01-01T00:00:00Z" }, { ...edited, id: `${ORIGIN}/annotations/${SLUG}/${crypto.randomUUID()}` }, { ...withoutGroup, visibility: "private" }]) {
      expect((await appErrorOf(replaceAnnotation(db.prisma, author, SLUG, id, changed, etag, ORIGIN))).status, JSON.stringify(changed).slice(0, 120)).toBe(409);
    }
    // Someone else may not replace it (the policy, as in the JSON API), even with the right tag.
    expect((await appErrorOf(replaceAnnotation(db.prisma, member, SLUG, id, edited, etag, ORIGIN))).status).toBe(403);
    const replaced = await replaceAnnotation(db.prisma, author, SLUG, id, edited, etag, ORIGIN);
    expect(replaced.etag).toBe('"2.0"');
    expect(JSON.stringify((replaced.annotation as Record<string, unknown>).body)).toContain("The OGPU.");
    expect((await db.prisma.note.findUniqueOrThrow({ where: { id } })).tags).toEqual([]);
  });

  it("DELETE: afterwards 410 to readers who could see it and 404 to others; a note with replies stays as a placeholder", async () => {
    const lonely = await createNote(db.prisma, author, { slug: SLUG, ...draft({ visibility: "group", groupId }) });
    expect((await getAnnotation(db.prisma, member, SLUG, lonely.id, ORIGIN)).annotation).toBeTruthy();
    await deleteAnnotation(db.prisma, author, SLUG, lonely.id, null, ORIGIN);
    for (const [who, status] of [[author, 410], [member, 410], [outsider, 404], [ANONYMOUS, 404]] as const) {
      expect((await appErrorOf(getAnnotation(db.prisma, who, SLUG, lonely.id, ORIGIN))).status).toBe(status);
    }
    const discussed = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    await createReply(db.prisma, author, { noteId: discussed.id, body: "A reply keeps the thread." });
    await deleteAnnotation(db.prisma, author, SLUG, discussed.id, null, ORIGIN);
    const placeholder = (await getAnnotation(db.prisma, ANONYMOUS, SLUG, discussed.id, ORIGIN)).annotation as Record<string, unknown>;
    expect(placeholder).toMatchObject({ deleted: true });
    expect(placeholder.body).toBeUndefined();
    expect(placeholder.creator).toBeUndefined();
    expect(mustFailures(placeholder)).toEqual([]);
  });
});

async function exported(who: SignedInActor, scope: Parameters<typeof exportAnnotations>[3]) {
  const document = await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, slug: true } });
  let text = "";
  for await (const piece of exportAnnotations(db.prisma, await loadRequestContext(db.prisma, who), document, scope, ORIGIN, "test")) text += piece;
  return JSON.parse(text) as { type: string; total: number; first: { items: { id: string }[] } };
}

describe("download my notes", () => {
  it("holds everything the reader wrote, private included, and nothing else; a group's export is for members", async () => {
    const mine = await createNote(db.prisma, outsider, { slug: SLUG, ...draft({ visibility: "private", body: "Outsider's private note." }) });
    await createNote(db.prisma, member, { slug: SLUG, ...draft({ visibility: "private" }) });
    const file = await exported(outsider, { kind: "mine" });
    expect(file.type).toBe("AnnotationCollection");
    expect(file.first.items.map((item) => uuidOf(item.id))).toEqual([mine.id]);
    expect(file.total).toBe(1);
    for (const item of file.first.items) expect(mustFailures(item)).toEqual([]);

    const groupNote = await createNote(db.prisma, member, { slug: SLUG, ...draft({ visibility: "group", groupId, body: "For the group." }) });
    const group = await exported(member, { kind: "group", groupId });
    expect(group.first.items.map((item) => uuidOf(item.id))).toContain(groupNote.id);
    expect(group.total).toBe(group.first.items.length);
    expect((await appErrorOf(exported(outsider, { kind: "group", groupId }))).status).toBe(404);
  });
});

describe("/people/<id>", () => {
  it("shows the public notes and, only when chosen, the affiliation and ORCID iD", async () => {
    await db.prisma.user.update({ where: { id: author.id }, data: { affiliation: "Leeds", orcid: "0000-0002-1825-0097" } });
    const hidden = await getPublicPerson(db.prisma, author.id);
    expect(hidden).toMatchObject({ affiliation: null, orcid: null });
    expect(hidden.notes.every(({ note }) => note.visibility === "public" && note.moderationStatus === "approved")).toBe(true);
    expect(hidden.noteCount).toBeGreaterThan(0);
    await db.prisma.user.update({ where: { id: author.id }, data: { showAffiliation: true, showOrcid: true } });
    expect(await getPublicPerson(db.prisma, author.id)).toMatchObject({ affiliation: "Leeds", orcid: "0000-0002-1825-0097" });
    expect((await appErrorOf(getPublicPerson(db.prisma, "not-a-uuid"))).status).toBe(404);
  });
});
