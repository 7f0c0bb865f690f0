import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { readerContext, visibleNotesWhere } from "@/lib/annotations/note-access";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { searchNotes } from "@/lib/search/search-notes";
import { parseSearchQuery } from "@/lib/search/search-schemas";
import type { SearchPage } from "@/lib/search/search-types";
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
const ids: Record<string, string> = {};
const names = new Map<string, string>();

const draft = noteDraft({ paragraph: "p3", referenceType: "event", body: "Thermidor." });

async function seedNote(name: string, writer: Actor, overrides: Record<string, unknown>) {
  ids[name] = (await createNote(db.prisma, writer, { slug: SLUG, ...draft(overrides) })).id;
  names.set(ids[name], name);
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  // Trusted writers: their public notes are published at once (pre-moderation is tested in moderation*.test.ts).
  const readers = await seedLetterReaders(db.prisma, clock, { trusted: { member: true, outsider: true } });
  ({ author, member, outsider, groupId } = readers);

  // Every note below mentions the Thermidor in its body, except "quoteOnly" (only its passage does).
  await seedNote("public", author, { body: "The **Thermidor** analogy: the French reaction of 1794.", tags: ["french revolution", "analogy"] });
  await seedNote("group", author, { body: "Thermidor in our reading group.", visibility: "group", groupId, referenceType: "concept", tags: ["analogy"] });
  await seedNote("private", author, { body: "My own Thermidor notes.", visibility: "private", referenceType: "concept" });
  await seedNote("memberPublic", member, { body: "Who were the men of the Thermidor in 1928?", referenceType: "person", tags: ["thermidorians"] });
  await seedNote("memberPrivate", member, { body: "Thermidor, privately.", visibility: "private" });
  await seedNote("deleted", author, { body: "A deleted Thermidor note." });
  await seedNote("pending", member, { body: "A pending Thermidor note." });
  await seedNote("hidden", member, { body: "A hidden Thermidor note." });
  const filler = "A long sentence that pads the note so that its snippet is cut into fragments. ".repeat(6);
  await seedNote("xss", author, {
    body: `${filler}Thermidor <script>alert("x")</script> and <img src=x onerror=alert(1)> [link](javascript:alert(1)) "quotes" & ampersands. ${filler}`,
    referenceType: "other",
  });
  await seedNote("htmlShort", author, { body: 'Thermidor <b onmouseover="alert(1)">bold</b> <iframe src="//x"></iframe>', visibility: "private" });
  await seedNote("quoteOnly", author, { body: "On the preparation the Opposition feared." });
  await seedNote("otherWord", author, { body: "Nothing about that French month here: the kulaks." });
  await db.prisma.note.update({ where: { id: ids.quoteOnly }, data: { quoteExact: "the preparation for the Thermidor" } });
  await db.prisma.note.update({ where: { id: ids.deleted }, data: { deletedAt: new Date() } });
  await db.prisma.note.update({ where: { id: ids.pending }, data: { moderationStatus: "pending" } });
  await db.prisma.note.update({ where: { id: ids.hidden }, data: { moderationStatus: "hidden" } });
  // A reply copies its thread's document, paragraph, visibility, group and reference type.
  for (const [name, thread, writer, body] of [
    ["replyPublic", "public", readers.users.member.id, "A reply: the Thermidor came later."],
    ["replyGroup", "group", readers.users.member.id, "A group reply on the Thermidor."],
  ] as const) {
    const opened = await db.prisma.note.findUniqueOrThrow({ where: { id: ids[thread] } });
    const reply = await db.prisma.note.create({
      data: {
        documentId: opened.documentId,
        paragraphId: opened.paragraphId,
        authorId: writer,
        visibility: opened.visibility,
        groupId: opened.groupId,
        referenceType: opened.referenceType,
        body,
        tags: [],
        threadId: opened.id,
        threadStatus: opened.moderationStatus,
        parentId: opened.id,
      },
    });
    ids[name] = reply.id;
    names.set(reply.id, name);
  }
});

afterAll(async () => {
  await db?.drop();
});

const query = (params: Record<string, string>) => parseSearchQuery(new URLSearchParams(params));
const search = (actor: Actor, params: Record<string, string>) => searchNotes(db.prisma, actor, SLUG, query(params));
const found = (page: SearchPage) => page.results.map((result) => names.get(result.id) ?? result.id).sort();

/** The same answer from the Prisma filter the notes list uses, live notes only, computed apart from the SQL. */
async function visibleLiveNames(actor: Actor): Promise<string[]> {
  const reader = await readerContext(db.prisma, actor);
  const rows = await db.prisma.note.findMany({ where: { AND: [visibleNotesWhere(actor, reader), { deletedAt: null }] }, select: { id: true } });
  return rows.map((row) => names.get(row.id) ?? row.id).sort();
}

const EVERYONE = ["public", "memberPublic", "xss", "quoteOnly", "replyPublic"];
const EXPECTED = () =>
  [
    ["author", author, [...EVERYONE, "group", "private", "htmlShort", "replyGroup"]],
    ["member", member, [...EVERYONE, "group", "replyGroup", "memberPrivate", "pending", "hidden"]],
    ["outsider", outsider, EVERYONE],
    ["anonymous", ANONYMOUS, EVERYONE],
  ] as const;

describe("search returns only what the reader may see", () => {
  it("for the author, a group member, an outsider and an anonymous reader", async () => {
    for (const [who, actor, expected] of EXPECTED()) {
      const page = await search(actor, { q: "thermidor", limit: "50" });
      expect(found(page), who).toEqual([...expected].sort());
      expect(page.total, who).toBe(expected.length);
      // The same set as the visibility filter of the notes list, less the note without the word.
      expect(found(page), who).toEqual((await visibleLiveNames(actor)).filter((name) => name !== "otherWord"));
    }
  });

  it("never finds a deleted, pending or hidden note of someone else", async () => {
    const page = await search(outsider, { q: "deleted OR pending OR hidden", limit: "50" });
    expect(page.results).toEqual([]);
    expect(page.total).toBe(0);
    expect(found(await search(author, { q: "deleted" }))).toEqual([]);
  });

  it("facet counts count only the notes the reader may see", async () => {
    const outsiderFacets = (await search(outsider, { q: "thermidor" })).facets;
    // public, replyPublic and quoteOnly are events; memberPublic a person; xss other.
    expect(outsiderFacets.referenceType).toEqual([
      { value: "event", count: 3 },
      { value: "other", count: 1 },
      { value: "person", count: 1 },
    ]);
    expect(outsiderFacets.tag).toEqual([
      { value: "analogy", count: 1 },
      { value: "french revolution", count: 1 },
      { value: "thermidorians", count: 1 },
    ]);
    const authorFacets = (await search(author, { q: "thermidor" })).facets;
    expect(authorFacets.referenceType).toContainEqual({ value: "concept", count: 3 }); // group, private, replyGroup
    expect(authorFacets.tag).toContainEqual({ value: "analogy", count: 2 });
  });

  it("replies are found, with their thread for the permalink", async () => {
    const page = await search(member, { q: "reply" });
    const reply = page.results.find((result) => result.id === ids.replyPublic)!;
    expect(reply.threadId).toBe(ids.public);
    expect(reply.permalink).toBe(`/letters/${SLUG}?note=${ids.public}#note-${ids.public}`);
    expect(reply.paragraph).toBe("p3");
  });
});

describe("filters combine with the words", () => {
  it("q + reference type (the type facet still counts the other types)", async () => {
    const page = await search(outsider, { q: "thermidor", referenceType: "event" });
    expect(found(page)).toEqual(["public", "quoteOnly", "replyPublic"]);
    expect(page.total).toBe(3);
    expect(page.facets.referenceType.map((facet) => facet.value)).toEqual(["event", "other", "person"]);
    expect(page.facets.tag).toEqual([
      { value: "analogy", count: 1 },
      { value: "french revolution", count: 1 },
    ]);
  });

  it("q + tag", async () => {
    expect(found(await search(author, { q: "thermidor", tag: "Analogy" }))).toEqual(["group", "public"]);
    expect(found(await search(outsider, { q: "thermidor", tag: "analogy" }))).toEqual(["public"]);
  });

  it("q + group: members find the group's notes and replies; others find nothing", async () => {
    expect(found(await search(member, { q: "thermidor", group: groupId }))).toEqual(["group", "replyGroup"]);
    const outside = await search(outsider, { q: "thermidor", group: groupId });
    expect(outside.results).toEqual([]);
    expect(outside.facets).toEqual({ referenceType: [], tag: [] });
  });

  it("q + author, visibility and paragraph", async () => {
    const memberId = (member as Extract<Actor, { kind: "user" }>).id;
    expect(found(await search(outsider, { q: "thermidor", author: memberId }))).toEqual(["memberPublic", "replyPublic"]);
    expect(found(await search(author, { q: "thermidor", visibility: "private" }))).toEqual(["htmlShort", "private"]);
    expect(found(await search(outsider, { q: "thermidor", paragraph: "p4" }))).toEqual([]);
  });
});

describe("ranking, snippets and pages", () => {
  it("puts a match in the body above a match in the quoted passage only", async () => {
    const page = await search(outsider, { q: "thermidor", limit: "50" });
    const position = (name: string) => page.results.findIndex((result) => result.id === ids[name]);
    expect(position("quoteOnly")).toBe(page.results.length - 1);
    expect(page.results[position("public")].rank).toBeGreaterThan(page.results[position("quoteOnly")].rank);
    const quoted = page.results[position("quoteOnly")];
    expect(quoted.quoteHtml).toBe("the preparation for the <mark>Thermidor</mark>");
  });

  it("marks the matches and lets no markup of the note through", async () => {
    const page = await search(outsider, { q: "thermidor" });
    const xss = page.results.find((result) => result.id === ids.xss)!;
    expect(xss.snippetHtml).toContain("<mark>Thermidor</mark>");
    expect(xss.snippetHtml.length).toBeLessThan(400); // fragments of a long body, not the whole of it
    const short = (await search(author, { q: "thermidor bold" })).results.find((result) => result.id === ids.htmlShort)!;
    for (const snippet of [xss.snippetHtml, short.snippetHtml]) {
      expect(snippet).not.toMatch(/<script|<img|<iframe|<b /i);
      // Only <mark> elements are markup; everything else arrives escaped.
      expect(snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"]/);
    }
    expect(short.snippetHtml).toContain("&lt;b onmouseover=&quot;alert(1)&quot;&gt;<mark>bold</mark>");
    const emphasised = page.results.find((result) => result.id === ids.public)!;
    expect(emphasised.snippetHtml).toContain("<mark>Thermidor</mark> analogy");
    expect(emphasised.snippetHtml).not.toContain("**");
  });

  it("walks every result exactly once with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: SearchPage = await search(member, { q: "thermidor", limit: "3", ...(cursor ? { cursor } : {}) });
      seen.push(...page.results.map((result) => result.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    const all = await search(member, { q: "thermidor", limit: "50" });
    expect(seen).toEqual(all.results.map((result) => result.id));
    expect(new Set(seen).size).toBe(all.total);
  });

  it("a query of stop words only finds nothing (and is no error)", async () => {
    const page = await search(author, { q: "the and of" });
    expect(page).toEqual({ results: [], facets: { referenceType: [], tag: [] }, total: 0, nextCursor: null });
  });
});

describe("bad input", () => {
  it("answers bad_request with a message for the field", async () => {
    for (const [params, field] of [
      [{ q: "" }, "q"],
      [{ q: "   " }, "q"],
      [{ q: "x".repeat(201) }, "q"],
      [{}, "q"],
      [{ q: "thermidor", limit: "0" }, "limit"],
      [{ q: "thermidor", limit: "51" }, "limit"],
      [{ q: "thermidor", limit: "ten" }, "limit"],
      [{ q: "thermidor", author: "not-a-uuid" }, "author"],
      [{ q: "thermidor", group: "1; DROP TABLE" }, "group"],
      [{ q: "thermidor", referenceType: "villain" }, "referenceType"],
      [{ q: "thermidor", cursor: "not base64!" }, "cursor"],
      [{ q: "thermidor", paragraph: "<p1>" }, "paragraph"],
      [{ q: "thermidor", entry: "Not An Id" }, "entry"],
    ] as const) {
      const error = await appErrorOf(Promise.resolve().then(() => query(params)));
      expect(error.code, JSON.stringify(params)).toBe("bad_request");
      expect(Object.keys(error.details.fields ?? {}), JSON.stringify(params)).toContain(field);
    }
    expect(await appErrorCode(Promise.resolve().then(() => query({ q: "thermidor", sort: "rank" })))).toBe("bad_request");
  });

  it("refuses a cursor that decodes to nonsense, and an unknown document", async () => {
    const forged = Buffer.from("NaN|not-an-id").toString("base64url");
    const error = await appErrorOf(search(author, { q: "thermidor", cursor: forged }));
    expect(error.details.fields).toEqual({ cursor: ["Malformed cursor"] });
    expect(await appErrorCode(searchNotes(db.prisma, author, "no-such-letter", query({ q: "thermidor" })))).toBe("not_found");
  });

  it("treats web-search syntax and SQL-looking input as words", async () => {
    for (const q of ['"unbalanced', "-", "or or or", "thermidor') OR 1=1 --", "(((", "!:*&|"]) {
      const page = await search(outsider, { q });
      expect(page.results.every((result) => EVERYONE.includes(names.get(result.id)!)), q).toBe(true);
    }
  });
});
