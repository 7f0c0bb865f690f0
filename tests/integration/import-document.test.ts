import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "@/lib/documents/import-document";
import type { TEdition } from "@/lib/documents/editions-manifest";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const letter = readFileSync("content/reply-to-stalin.txt", "utf8");
const edition: TEdition = { slug: "reply-to-stalin", file: "reply-to-stalin.txt", place: "Alma-Ata", sourceUrl: null };
const actorLabel = "import of content/reply-to-stalin.txt";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.prisma.document.deleteMany();
});

async function snapshot() {
  const document = await db.prisma.document.findUniqueOrThrow({
    where: { slug: "reply-to-stalin" },
    include: { paragraphs: { orderBy: { ordinal: "asc" } }, footnoteRefs: true },
  });
  return document;
}

describe("importDocument (real PostgreSQL)", () => {
  it("imports the letter with its anchors, kinds and footnote link", async () => {
    const outcome = await importDocument(db.prisma, { edition, source: letter, actorLabel });
    expect(outcome).toEqual({ status: "created", slug: "reply-to-stalin", paragraphs: 32 });
    const document = await snapshot();
    expect(document.title).toBe("Reply to Stalin");
    expect(document.writtenOn?.toISOString().slice(0, 10)).toBe("1928-12-16");
    expect(document.place).toBe("Alma-Ata");
    expect(document.paragraphs.map((p) => p.anchorId)).toEqual([
      "s1",
      "s2",
      ...Array.from({ length: 18 }, (_, i) => `p${i + 1}`),
      null,
      ...Array.from({ length: 9 }, (_, i) => `p${i + 19}`),
      "dateline",
      "fn1",
    ]);
    expect(document.paragraphs.find((p) => p.anchorId === "p25")?.kind).toBe("blockquote");
    const [ref] = document.footnoteRefs;
    const mark = document.paragraphs.find((p) => p.id === ref.markParagraphId)!;
    const footnote = document.paragraphs.find((p) => p.id === ref.footnoteParagraphId)!;
    expect([mark.anchorId, footnote.anchorId, ref.label]).toEqual(["p24", "fn1", "1"]);
  });

  it("is idempotent: a second import of the same file writes nothing", async () => {
    await importDocument(db.prisma, { edition, source: letter, actorLabel });
    const before = await snapshot();
    const outcome = await importDocument(db.prisma, { edition, source: letter, actorLabel });
    expect(outcome.status).toBe("unchanged");
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(await db.prisma.paragraphRevision.count()).toBe(0);
  });

  it("keeps every id on a revised source and records exactly the changed paragraphs", async () => {
    await importDocument(db.prisma, { edition, source: letter, actorLabel });
    const before = await snapshot();
    const revised = letter
      .replace("a struggle 1 have been conducting", "a struggle I have been conducting")
      .replace("December 16, 1928, Alma Alta.", "December 16, 1928, Alma-Ata.");
    const outcome = await importDocument(db.prisma, { edition, source: revised, actorLabel });
    expect(outcome).toEqual({ status: "revised", slug: "reply-to-stalin", changedAnchors: ["p5", "dateline"], metadataChanged: false });

    const after = await snapshot();
    expect(after.paragraphs.map((p) => [p.id, p.anchorId, p.ordinal, p.kind])).toEqual(
      before.paragraphs.map((p) => [p.id, p.anchorId, p.ordinal, p.kind]),
    );
    expect(after.textRevision).toBe(before.textRevision + 1);
    const changed = after.paragraphs.filter((p, i) => p.text !== before.paragraphs[i].text).map((p) => p.anchorId);
    expect(changed).toEqual(["p5", "dateline"]);

    const revisions = await db.prisma.paragraphRevision.findMany({ include: { paragraph: true }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((r) => r.paragraph.anchorId).sort()).toEqual(["dateline", "p5"]);
    const p5 = revisions.find((r) => r.paragraph.anchorId === "p5")!;
    expect(p5.oldText).toContain("a struggle 1 have");
    expect(p5.newText).toContain("a struggle I have");
    expect(p5.source).toBe("import");
    expect(p5.actorLabel).toBe(actorLabel);
    expect(after.footnoteRefs).toEqual(before.footnoteRefs);

    // Importing the revised file again changes nothing more.
    expect((await importDocument(db.prisma, { edition, source: revised, actorLabel })).status).toBe("unchanged");
    expect(await db.prisma.paragraphRevision.count()).toBe(2);
  });

  it("refuses a revision that adds a paragraph, and leaves the stored text as it was", async () => {
    await importDocument(db.prisma, { edition, source: letter, actorLabel });
    const before = await snapshot();
    const added = letter.replace("* * *", "An inserted paragraph.\n\n* * *").replace("1 have been", "I have been");
    await expect(importDocument(db.prisma, { edition, source: added, actorLabel })).rejects.toThrow(/anchors are permanent/);
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.paragraphRevision.count()).toBe(0);
  });

  it("imports nothing from a malformed file", async () => {
    await expect(importDocument(db.prisma, { edition, source: "not a letter\n", actorLabel })).rejects.toThrow();
    expect(await db.prisma.document.count()).toBe(0);
    expect(await db.prisma.paragraph.count()).toBe(0);
  });

  it("rolls back a half-done import when the database refuses a row midway", async () => {
    // An index that admits one salutation per document makes the second paragraph insert fail.
    await db.prisma.$executeRawUnsafe(
      `CREATE UNIQUE INDEX "test_one_salutation" ON "Paragraph" ("documentId", "kind") WHERE "kind" = 'salutation'`,
    );
    try {
      await expect(importDocument(db.prisma, { edition, source: letter, actorLabel })).rejects.toThrow();
      expect(await db.prisma.document.count()).toBe(0);
      expect(await db.prisma.paragraph.count()).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP INDEX "test_one_salutation"`);
    }
  });
});
