import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { sliceByCodePoints, utf16ToCodePointOffset } from "@/lib/anchoring/code-point-text";
import { describePassage } from "@/lib/anchoring/describe-passage";
import { createNote, listNotes } from "@/lib/annotations/note-operations";
import { ZCreateNote, ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { correctParagraph } from "@/lib/corrections/correct-paragraph";
import type { TCorrectParagraph } from "@/lib/corrections/correction-schemas";
import { listCorrections, paragraphHistory } from "@/lib/corrections/paragraph-revisions";
import { prisma as appPrisma } from "@/lib/db/prisma";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import { importDocument } from "@/lib/documents/import-document";
import { fieldErrors } from "@/lib/http/error-response";
import { appErrorCode, appErrorOf, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_EDITION as EDITION, LETTER_SLUG as SLUG, LETTER_SOURCE as SOURCE, importLetter } from "./support/letter-readers";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let admin: Extract<Actor, { kind: "user" }>;
let author: Actor;
let outsider: Actor;

/** p5's misprint "a struggle 1 have" fixed, and (to move and orphan notes) a clause reworded. */
const MISPRINT = "a struggle 1 have been conducting";
const FIXED = "a struggle I have been conducting";
const CLAUSE = ", that is, during my whole conscious life";
const REWORDED = ", that is, for all of my conscious life";

async function paragraphText(anchorId: string) {
  return (await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId, document: { slug: SLUG } } })).text;
}

/** A note on `phrase` in a paragraph, with selectors taken from the paragraph as it is (code points). */
async function noteOn(anchorId: string, phrase: string | null, visibility: "public" | "private" = "public") {
  const text = await paragraphText(anchorId);
  const passage = phrase
    ? (() => {
        const start = utf16ToCodePointOffset(text, text.indexOf(phrase));
        const { quote, position } = describePassage(text, { start, end: start + [...phrase].length });
        return { quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, position: { start: position.start, end: position.end } };
      })()
    : {};
  const draft = ZCreateNote.parse({ paragraph: anchorId, referenceType: "concept", body: `On ${phrase ?? "the paragraph"}.`, visibility, ...passage });
  return (await createNote(db.prisma, author, { slug: SLUG, ...draft })).id;
}

async function storedNote(id: string) {
  return db.prisma.note.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  // getReadingEdition reads through the app's own client, as the page does.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const [a, r, o] = await Promise.all([
    seedUser(db.prisma, { siteRole: "admin", displayName: "Editor Ada" }),
    // Trusted: their public notes are published at once (pre-moderation is tested in moderation*.test.ts).
    seedUser(db.prisma, { trusted: true }),
    seedUser(db.prisma, { trusted: true }),
  ]);
  admin = (await signIn(db.prisma, a.id, clock)).actor as Extract<Actor, { kind: "user" }>;
  author = (await signIn(db.prisma, r.id, clock)).actor;
  outsider = (await signIn(db.prisma, o.id, clock)).actor;
});

afterAll(async () => {
  await appPrisma().$disconnect();
  await db?.drop();
});

describe("an admin corrects p5", () => {
  const ids: Record<string, string> = {};
  let oldText: string;
  let newText: string;
  let revisionBefore: number;

  beforeAll(async () => {
    oldText = await paragraphText("p5");
    newText = oldText.replace(MISPRINT, FIXED).replace(CLAUSE, REWORDED);
    ids.before = await noteOn("p5", "To demand that I renounce my political activity");
    ids.spanning = await noteOn("p5", `the international proletariat, ${MISPRINT}`);
    ids.after = await noteOn("p5", "the basic teachings of Marx and Lenin");
    ids.whole = await noteOn("p5", null);
    ids.lostPublic = await noteOn("p5", "during my whole conscious life");
    ids.lostPrivate = await noteOn("p5", "during my whole conscious life", "private");
    revisionBefore = (await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).textRevision;
    // The page has read (and cached) the edition before the correction.
    expect((await getReadingEdition(SLUG))!.paragraphs.find((paragraph) => paragraph.anchorId === "p5")!.text).toBe(oldText);
  });

  it("records the correction and says what became of the notes", async () => {
    const result = await correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p5", oldText, newText, reason: "Misprint: “1” for “I”; clause as in the Russian" });
    expect(result.notes).toEqual({ kept: 3, moved: 1, orphaned: 2, restored: 0 });
    expect(result.textRevision).toBe(revisionBefore + 1);
    expect(await paragraphText("p5")).toBe(newText);

    const revision = await db.prisma.paragraphRevision.findUniqueOrThrow({ where: { id: result.revisionId } });
    expect(revision).toMatchObject({ source: "correction", oldText, newText, actorId: admin.id, actorLabel: "Editor Ada" });
    expect(revision.reason).toBe("Misprint: “1” for “I”; clause as in the Russian");
    const paragraph = await db.prisma.paragraph.findFirstOrThrow({ where: { anchorId: "p5" } });
    expect(paragraph.contentHash).toBe(revision.newHash);
    expect((await db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).textRevision).toBe(revisionBefore + 1);
  });

  it("stores positions that hold each anchored note's quote in the new text, in code points", async () => {
    for (const name of ["before", "spanning", "after"]) {
      const note = await storedNote(ids[name]);
      expect(note.anchorStatus).toBe("anchored");
      expect(sliceByCodePoints(newText, note.positionStart!, note.positionEnd!)).toBe(note.quoteExact);
      expect(sliceByCodePoints(newText, Math.max(0, note.positionStart! - note.quotePrefix!.length), note.positionStart!)).toBe(note.quotePrefix);
    }
    const before = await storedNote(ids.before);
    expect(before.positionStart).toBe(0);
    // The misprint sat inside this quote: the note now quotes the corrected words, at the same offsets.
    const spanning = await storedNote(ids.spanning);
    expect(spanning.quoteExact).toBe(`the international proletariat, ${FIXED}`);
    expect(spanning.positionStart).toBe(utf16ToCodePointOffset(oldText, oldText.indexOf("the international proletariat, a struggle")));
    // The reworded clause is shorter: the note after it moved by the difference.
    const after = await storedNote(ids.after);
    const shift = [...CLAUSE].length - [...REWORDED].length;
    expect(after.positionStart).toBe(utf16ToCodePointOffset(oldText, oldText.indexOf("the basic teachings")) - shift);
    expect(after.positionStart).toBe(utf16ToCodePointOffset(newText, newText.indexOf("the basic teachings")));
    expect((await storedNote(ids.whole)).anchorStatus).toBe("anchored");
  });

  it("orphans the notes whose words were rewritten, keeping their quote as it was", async () => {
    for (const name of ["lostPublic", "lostPrivate"]) {
      const note = await storedNote(ids[name]);
      expect(note.anchorStatus).toBe("orphan");
      expect(note.quoteExact).toBe("during my whole conscious life");
    }
  });

  it("lists orphans apart, to those who may see them: the private one to its author alone", async () => {
    const orphansOf = async (actor: Actor) => (await listOrphanedNotes(db.prisma, actor, SLUG)).map((note) => note.id).sort();
    expect(await orphansOf(author)).toEqual([ids.lostPublic, ids.lostPrivate].sort());
    expect(await orphansOf(outsider)).toEqual([ids.lostPublic]);
    expect(await orphansOf(ANONYMOUS)).toEqual([ids.lostPublic]);
    const [orphan] = await listOrphanedNotes(db.prisma, outsider, SLUG);
    expect(orphan).toMatchObject({ paragraph: "p5", anchorStatus: "orphan", quote: { exact: "during my whole conscious life" } });
    // The notes list still carries them, marked, so the page can keep them off the text.
    const { notes } = await listNotes(db.prisma, author, SLUG, ZNoteListQuery.parse({ paragraph: "p5" }));
    expect(notes.filter((note) => note.anchorStatus === "orphan").map((note) => note.id).sort()).toEqual([ids.lostPublic, ids.lostPrivate].sort());
  });

  it("the reading edition shows the new text at once (its cache is keyed by the document's revision)", async () => {
    const edition = await getReadingEdition(SLUG);
    expect(edition!.textRevision).toBe(revisionBefore + 1);
    expect(edition!.paragraphs.find((paragraph) => paragraph.anchorId === "p5")!.text).toBe(newText);
  });

  it("the history lists the correction, publicly", async () => {
    const history = await paragraphHistory(db.prisma, ANONYMOUS, SLUG, "p5");
    expect(history.paragraph.text).toBe(newText);
    expect(history.revisions.map((revision) => [revision.source, revision.oldText, revision.newText, revision.actorLabel])).toEqual([
      ["correction", oldText, newText, "Editor Ada"],
    ]);
    expect((await listCorrections(db.prisma, ANONYMOUS, SLUG))!.map((revision) => revision.paragraph)).toContain("p5");
  });

  it("a later correction that brings the words back re-anchors the orphans", async () => {
    const current = await paragraphText("p5");
    const result = await correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p5", oldText: current, newText: current.replace(REWORDED, CLAUSE), reason: "Clause restored" });
    expect(result.notes).toMatchObject({ restored: 2, orphaned: 0 });
    for (const name of ["lostPublic", "lostPrivate"]) {
      const note = await storedNote(ids[name]);
      expect(note.anchorStatus).toBe("anchored");
      expect(sliceByCodePoints(await paragraphText("p5"), note.positionStart!, note.positionEnd!)).toBe("during my whole conscious life");
    }
    expect(await listOrphanedNotes(db.prisma, author, SLUG)).toEqual([]);
  });
});

describe("refusals write nothing", () => {
  async function snapshot() {
    const [text, revisions, document] = await Promise.all([
      paragraphText("p3"),
      db.prisma.paragraphRevision.count(),
      db.prisma.document.findUniqueOrThrow({ where: { slug: SLUG } }),
    ]);
    return { text, revisions, textRevision: document.textRevision };
  }

  it("only an admin corrects: others are forbidden, anonymous readers asked to sign in", async () => {
    const before = await snapshot();
    const input = { oldText: before.text, newText: `${before.text} (corrected)`, reason: "Testing permissions" };
    expect(await appErrorCode(correctParagraph(db.prisma, author, { slug: SLUG, anchor: "p3", ...input }))).toBe("forbidden");
    expect(await appErrorCode(correctParagraph(db.prisma, ANONYMOUS, { slug: SLUG, anchor: "p3", ...input }))).toBe("unauthenticated");
    expect(await snapshot()).toEqual(before);
  });

  it("a correction based on text that changed since is a conflict", async () => {
    const before = await snapshot();
    const error = await appErrorOf(
      correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p3", oldText: `${before.text} `, newText: "Something else entirely.", reason: "Stale copy" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/changed since you opened it/);
    expect(await snapshot()).toEqual(before);
  });

  it("of two corrections from the same text, exactly one is recorded", async () => {
    const before = await snapshot();
    const correct = (suffix: string) =>
      correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p3", oldText: before.text, newText: `${before.text}${suffix}`, reason: `Adds ${suffix}` });
    const results = await Promise.allSettled([correct(" A"), correct(" B")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const after = await snapshot();
    expect(after.revisions).toBe(before.revisions + 1);
    expect(after.textRevision).toBe(before.textRevision + 1);
    expect([`${before.text} A`, `${before.text} B`]).toContain(after.text);
  });

  it("bad input gets a message beside its field; an unknown paragraph is not found", async () => {
    const before = await snapshot();
    // Bad input is refused by the operation's input schema (a ZodError), which the route answers as 400 with these fields.
    const fieldsOf = async (input: unknown, anchor = "p3") => {
      const error = await correctParagraph(db.prisma, admin, { slug: SLUG, anchor, ...(input as TCorrectParagraph) }).then(() => null, (refusal: unknown) => refusal);
      expect(error).toBeInstanceOf(ZodError);
      return fieldErrors(error as ZodError);
    };
    expect(Object.keys((await fieldsOf({ oldText: before.text, newText: `${before.text}.`, reason: "  " }))!)).toEqual(["reason"]);
    expect((await fieldsOf({ oldText: before.text, newText: before.text, reason: "No change at all" }))!.newText).toEqual([
      "The new text is the same as the current text",
    ]);
    expect((await fieldsOf({ oldText: before.text, newText: "", reason: "Empty text" }))!.newText).toBeDefined();
    expect((await fieldsOf({ oldText: before.text, newText: "x".repeat(20_001), reason: "Too long" }))!.newText).toBeDefined();
    expect((await fieldsOf({ oldText: before.text, newText: "Nul \u0000 byte", reason: "Control character" }))!.newText).toBeDefined();
    expect((await fieldsOf({ newText: "Something", reason: "No old text" }))!.oldText).toBeDefined();
    for (const anchor of ["p99", "not-an-anchor"]) {
      expect(await appErrorCode(correctParagraph(db.prisma, admin, { slug: SLUG, anchor, oldText: "a", newText: "b", reason: "Unknown" }))).toBe("not_found");
    }
    expect(await appErrorCode(correctParagraph(db.prisma, admin, { slug: "no-such-letter", anchor: "p3", oldText: "a", newText: "b", reason: "Unknown" }))).toBe("not_found");
    expect(await snapshot()).toEqual(before);
  });
});

describe("footnote marks", () => {
  const markOf = async () => (await db.prisma.footnoteRef.findFirstOrThrow({ where: { markParagraph: { anchorId: "p24" } } })).markOffset;

  it("a correction before a mark moves the mark with its words", async () => {
    const text = await paragraphText("p24");
    const offset = await markOf();
    expect(sliceByCodePoints(text, offset - 10, offset)).toBe("Article 58");
    const newText = text.replace("slanders which besmirch", "slanders that besmirch");
    await correctParagraph(db.prisma, admin, { slug: SLUG, anchor: "p24", oldText: text, newText, reason: "Testing marks" });
    expect(await markOf()).toBe(offset - 1);
    expect(sliceByCodePoints(newText, offset - 11, offset - 1)).toBe("Article 58");
    const edition = await getReadingEdition(SLUG);
    expect(edition!.paragraphs.find((paragraph) => paragraph.anchorId === "p24")!.marks[0].markOffset).toBe(offset - 1);
  });

  it("a correction of the words on both sides of a mark is refused, and nothing changes", async () => {
    const text = await paragraphText("p24");
    const offset = await markOf();
    const error = await appErrorOf(
      correctParagraph(db.prisma, admin, {
        slug: SLUG,
        anchor: "p24",
        oldText: text,
        newText: text.replace("Article 58 perfidiously", "Article 59 insidiously"),
        reason: "Across the mark",
      }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.details.fields!.newText[0]).toMatch(/footnote mark 1 \(after “….*Article 58”\)/);
    expect(await paragraphText("p24")).toBe(text);
    expect(await markOf()).toBe(offset);
  });
});

describe("a revised source file re-anchors notes through the same function", () => {
  it("orphans a note whose words the new source no longer has", async () => {
    const id = await noteOn("p7", (await paragraphText("p7")).split(" ").slice(2, 8).join(" "));
    const note = await storedNote(id);
    const original = await paragraphText("p7");
    const revised = SOURCE.replace(original, original.replace(note.quoteExact!, "words of an entirely different passage here"));
    expect(revised).not.toBe(SOURCE);
    const outcome = await importDocument(db.prisma, { edition: EDITION, source: revised, actorLabel: "test revision" });
    // The file also still has the paragraphs corrected above as they were: the import restores those too.
    expect(outcome.status).toBe("revised");
    if (outcome.status === "revised") expect(outcome.changedAnchors).toContain("p7");
    expect((await storedNote(id)).anchorStatus).toBe("orphan");
  });
});
