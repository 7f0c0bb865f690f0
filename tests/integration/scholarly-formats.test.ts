import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import { parseCsvRows } from "../support/parse-csv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodePointIndex } from "@/lib/anchoring/code-point-text";
import { createNote, deleteNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import { ANONYMOUS } from "@/lib/authz/actor";
import { correctParagraph } from "@/lib/corrections/correct-paragraph";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { documentData } from "@/lib/documents/document-data";
import { notesCsv } from "@/lib/export/notes-csv";
import type { NotesChoice } from "@/lib/export/notes-choice";
import { rerenderNoteBodies } from "@/lib/markdown/rerender-note-bodies";
import { teiDocument } from "@/lib/tei/tei-export";
import { seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetterWithIndex } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ORIGIN = "https://marginalia.test";
// TEI P5 4.9.0, copied with its licence into the test data (tests/data/tei/README.md).
const TEI_SCHEMA = path.resolve("tests/data/tei/tei_all.rng");
const clock = createControllableClock();
const draft = noteDraft({ paragraph: "p3", referenceType: "person" });
const HOSTILE = "Tags & <b>bold</b> \"double\" 'single' ]]> 𝔄𝔅 😀 — a\nsecond line";

let db: TestDatabase;
let author: SignedInActor;
const made: Record<string, string> = {};

async function collect(pieces: AsyncGenerator<string>) {
  let text = "";
  for await (const piece of pieces) text += piece;
  return text;
}
const tei = (who: Parameters<typeof teiDocument>[1], notes: NotesChoice) => collect(teiDocument(db.prisma, who, SLUG, notes, ORIGIN));

function passage(text: string, start: number, end: number) {
  const index = new CodePointIndex(text);
  return { quote: { exact: index.slice(start, end), prefix: index.slice(Math.max(0, start - 20), start), suffix: index.slice(end, end + 20) }, position: { start, end } };
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetterWithIndex(db.prisma);
  await seedDemoData(db.prisma);
  author = (await signIn(db.prisma, (await seedUser(db.prisma, { displayName: "Worst <Case> & “Writer”", trusted: true })).id, clock)).actor;
  const admin = (await signIn(db.prisma, (await seedUser(db.prisma, { siteRole: "admin" })).id, clock)).actor;
  const group = await db.prisma.group.create({ data: { kind: "research", name: "TEI readers", createdById: author.id, memberships: { create: [{ userId: author.id, role: "owner" }] } } });
  const text = async (anchor: string) => (await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: anchor } })).text;
  const mark = await db.prisma.footnoteRef.findFirstOrThrow({ include: { markParagraph: true } });
  const across = passage(mark.markParagraph.text, mark.markOffset - 8, mark.markOffset + 7);
  made.across = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: mark.markParagraph.anchorId, ...across, body: HOSTILE, tags: ["exile", "o’neill"], referenceEntryId: "leon-trotsky" }) })).id;
  made.paragraph = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "s1", body: "On the **addressees**.", referenceType: "organisation" }) })).id;
  made.private = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "p9", visibility: "private", body: "Private." }) })).id;
  made.group = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "fn1", visibility: "group", groupId: group.id, body: "For the group." }) })).id;
  const reply = await createReply(db.prisma, author, { noteId: made.across, body: "A reply with 𝄞 & <i>." });
  made.reply = reply.id;
  made.replyToReply = (await createReply(db.prisma, author, { noteId: made.across, body: "A reply to the reply.", parentId: reply.id })).id;
  // A reply to someone else's note: in a file of one's own its target is that note's permalink.
  const others = await db.prisma.note.findFirstOrThrow({ where: { authorId: { not: author.id }, visibility: "public", moderationStatus: "approved", threadId: null, deletedAt: null } });
  made.replyToOther = (await createReply(db.prisma, author, { noteId: others.id, body: "On someone else's note." })).id;
  made.othersNote = others.id;
  // A placeholder: a deleted note whose reply lives on.
  const doomed = await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "dateline", body: "Deleted soon." }) });
  made.placeholderReply = (await createReply(db.prisma, author, { noteId: doomed.id, body: "Outlives its note." })).id;
  await deleteNote(db.prisma, author, { noteId: doomed.id });
  made.placeholder = doomed.id;
  // An orphan: the phrase it quotes is corrected away.
  const p3 = await text("p3");
  const phrase = "representative";
  const start = new CodePointIndex(p3).toCodePoint(p3.indexOf(phrase));
  made.orphan = (await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "p3", ...passage(p3, start, start + phrase.length), body: "Soon an orphan." }) })).id;
  await correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p3", oldText: p3, newText: p3.replace(phrase, "delegate"), reason: "Test: a word & a <reason>" });
  await rerenderNoteBodies(db.prisma);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
const XML_NS = "http://www.w3.org/XML/1998/namespace";
function byXmlId(document: ReturnType<typeof parse>, id: string): XmlElement | null {
  const all = document.getElementsByTagName("*");
  for (let i = 0; i < all.length; i += 1) if (all[i]!.getAttributeNS(XML_NS, "id") === id) return all[i]!;
  return null;
}
/** An element's text without the notes inside it: the paragraph's stored text, as the README defines it. */
function textWithoutNotes(node: XmlNode): string {
  let text = "";
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.TEXT_NODE) text += child.nodeValue ?? "";
    else if (child.nodeType === child.ELEMENT_NODE && (child as XmlElement).localName !== "note") text += textWithoutNotes(child);
  }
  return text;
}
const annotationIds = (document: ReturnType<typeof parse>) => Array.from(document.getElementsByTagName("annotation")).map((element) => element.getAttributeNS(XML_NS, "id")!.slice("note-".length)).sort();

describe("TEI P5", () => {
  it("the demo data's TEI and a worst case both validate against tei_all.rng with jing, in one run", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "marginalia-tei-"));
    const files = [
      ["public.xml", await tei(ANONYMOUS, { kind: "public" })],
      ["mine.xml", await tei(author, { kind: "mine" })],
      ["none.xml", await tei(author, { kind: "none" })],
    ].map(([name, xml]) => {
      writeFileSync(path.join(folder, name!), xml!);
      return path.join(folder, name!);
    });
    const run = spawnSync("jing", [TEI_SCHEMA, ...files], { encoding: "utf8" });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
      throw new Error("jing is not installed: `apt-get install -y jing` (README, Tests) — the TEI test needs it");
    }
    expect(run.stdout + run.stderr.split("\n").filter((line) => !line.startsWith("[warning]")).join("\n")).toBe("");
    expect(run.status).toBe(0);
  });

  it("each TEI block's text is the stored text, the footnote sits at its mark, and offsets point into that text", async () => {
    const document = parse(await tei(author, { kind: "mine" }));
    const paragraphs = await db.prisma.paragraph.findMany({ where: { anchorId: { not: null } } });
    expect(paragraphs.length).toBeGreaterThan(30);
    for (const paragraph of paragraphs) {
      const element = byXmlId(document, paragraph.anchorId!);
      expect(element, paragraph.anchorId!).not.toBeNull();
      expect(textWithoutNotes(element!), paragraph.anchorId!).toBe(paragraph.text);
    }
    const footnote = byXmlId(document, "fn1")!;
    expect(footnote.localName).toBe("note");
    expect((footnote.parentNode as XmlElement).localName).toBe("p");
    // The passage across the mark: string-range(p24, start, length) in code points of the text without the note.
    const across = byXmlId(document, `note-${made.across}`)!;
    const [, anchor, start, length] = /^#string-range\((\w+),(\d+),(\d+)\)$/.exec(across.getAttribute("target")!)!;
    const stored = paragraphs.find((paragraph) => paragraph.anchorId === anchor)!.text;
    const note = await db.prisma.note.findUniqueOrThrow({ where: { id: made.across } });
    expect(new CodePointIndex(stored).slice(Number(start), Number(start) + Number(length))).toBe(note.quoteExact);
    expect(Array.from(across.getElementsByTagName("note")).find((element) => element.getAttribute("type") === "body")!.textContent).toBe(HOSTILE);
    // The recorded correction, with its reason, in the revision description.
    const changes = Array.from(document.getElementsByTagName("change")).filter((change) => change.getAttribute("type") === "correction");
    expect(changes.map((change) => [change.getAttribute("target"), change.textContent])).toEqual([["#p3", expect.stringContaining("Test: a word & a <reason>")]]);
  });

  it("the standOff holds exactly what the choice may read: public for everyone alike, mine, a group's", async () => {
    const publicIds = annotationIds(parse(await tei(author, { kind: "public" })));
    expect(publicIds).toEqual(annotationIds(parse(await tei(ANONYMOUS, { kind: "public" }))));
    expect(publicIds).toEqual(expect.arrayContaining([made.across, made.reply, made.replyToReply, made.placeholder, made.placeholderReply, made.orphan, made.paragraph]));
    expect(publicIds).not.toContain(made.private);
    expect(publicIds).not.toContain(made.group);
    const mineXml = parse(await tei(author, { kind: "mine" }));
    const mine = annotationIds(mineXml);
    expect(mine).toEqual(expect.arrayContaining([made.private, made.group, made.replyToOther]));
    expect(mine).not.toContain(made.othersNote);
    expect(mine.every((id) => Object.values(made).includes(id))).toBe(true);
    // What a reply answers: inside the file when it is there, else by permalink.
    expect(byXmlId(mineXml, `note-${made.replyToOther}`)!.getAttribute("target")).toBe(`${ORIGIN}/letters/${SLUG}?note=${made.othersNote}#note-${made.othersNote}`);
    expect(byXmlId(mineXml, `note-${made.reply}`)!.getAttribute("target")).toBe(`#note-${made.across}`);
    expect(byXmlId(parse(await tei(ANONYMOUS, { kind: "public" })), `note-${made.replyToOther}`)!.getAttribute("target")).toBe(`#note-${made.othersNote}`);
    expect(annotationIds(parse(await tei(author, { kind: "none" })))).toEqual([]);
    // A placeholder says nothing of its note but that it was deleted.
    const placeholder = byXmlId(parse(await tei(ANONYMOUS, { kind: "public" })), `note-${made.placeholder}`)!;
    expect(placeholder.textContent).not.toContain("Deleted soon.");
    expect(placeholder.getElementsByTagName("respStmt")).toHaveLength(0);
  });

  it("refuses what it cannot serve: mine signed out (401), a group the reader is not in (404), an unknown document (404)", async () => {
    await expect(tei(ANONYMOUS, { kind: "mine" })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(tei(author, { kind: "group", groupId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    await expect(collect(teiDocument(db.prisma, ANONYMOUS, "no-such-letter", { kind: "public" }, ORIGIN))).rejects.toMatchObject({ code: "not_found" });
  });

  it("no stored text holds a character XML 1.0 cannot (C0 controls but tab and line breaks, U+FFFE, U+FFFF)", async () => {
    const pattern = "[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]";
    const [row] = await db.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT (SELECT count(*) FROM "Note" WHERE body ~ $1 OR array_to_string(tags, ' ') ~ $1 OR coalesce("quoteExact", '') ~ $1)
            + (SELECT count(*) FROM "Paragraph" WHERE text ~ $1) + (SELECT count(*) FROM "User" WHERE "displayName" ~ $1)
            + (SELECT count(*) FROM "ReferenceEntry" WHERE name ~ $1 OR description ~ $1)::int AS count`,
      pattern,
    );
    expect(Number(row!.count)).toBe(0);
  });
});

describe("the text as data and CSV", () => {
  it("the document's JSON is the database's text, block by block", async () => {
    const data = await documentData(db.prisma, SLUG);
    const rows = await db.prisma.paragraph.findMany({ orderBy: { ordinal: "asc" } });
    expect(data.blocks.map((block) => [block.anchor, block.ordinal, block.text, block.contentHash])).toEqual(rows.map((row) => [row.anchorId, row.ordinal, row.text, row.contentHash]));
    const marks = await db.prisma.footnoteRef.findMany({ include: { markParagraph: true } });
    expect(data.blocks.flatMap((block) => block.footnoteMarks.map((mark) => [block.anchor, mark.offset]))).toEqual(marks.map((mark) => [mark.markParagraph.anchorId, mark.markOffset]));
    expect(data.textRevision).toBe((await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).textRevision);
  });

  it("CSV: a BOM, RFC 4180 quoting, formula-safe cells, one row per readable note or reply", async () => {
    const hostile = await createNote(db.prisma, author, { slug: SLUG, ...draft({ paragraph: "p4", body: '=HYPERLINK("https://evil.example","click")\nsecond "line", with a comma' }) });
    const spreadsheet = (await signIn(db.prisma, (await seedUser(db.prisma, { displayName: "@SUM(1+1)", trusted: true })).id, clock)).actor;
    const byFormula = await createNote(db.prisma, spreadsheet, { slug: SLUG, ...draft({ paragraph: "p6", body: "+1 and -1" }) });
    const read = async (who: SignedInActor, notes: NotesChoice) => {
      const csv = await collect(notesCsv(db.prisma, who, SLUG, notes));
      expect(csv.startsWith("\uFEFFid,thread_id,parent_id,paragraph,")).toBe(true);
      const rows = parseCsvRows(csv.slice(1));
      return { header: rows[0]!, rows: rows.slice(1) };
    };
    const mine = await read(author, { kind: "mine" });
    const cell = (table: typeof mine, id: string, name: string) => table.rows.find((cells) => cells[0] === id)![table.header.indexOf(name)];
    expect(cell(mine, hostile.id, "body")).toBe(`'=HYPERLINK("https://evil.example","click")\nsecond "line", with a comma`);
    expect(mine.rows.map((cells) => cells[0]).sort()).toEqual([...Object.values(made).filter((id) => id !== made.othersNote), hostile.id].sort());
    expect(mine.rows.every((cells) => cells.length === mine.header.length)).toBe(true);
    const everyone = await read(author, { kind: "public" });
    expect(cell(everyone, byFormula.id, "author")).toBe("'@SUM(1+1)");
    expect(cell(everyone, byFormula.id, "body")).toBe("'+1 and -1");
    expect(everyone.rows.map((cells) => cells[0])).not.toContain(made.private);
  });
});
