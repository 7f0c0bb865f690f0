import type { PrismaClient } from "../db/create-prisma-client";
import type { FootnoteLink, ReadingEdition } from "./reading-edition";

type CacheEntry = { version: string; edition: ReadingEdition };

// The edition changes only when its document row does, so each process keeps one copy per document version and
// asks PostgreSQL for the version alone on each request: a correction made through any app server shows at once.
// A cold process loads the whole edition in that one statement instead (relations join in it). The React-cached
// wrapper for pages is get-reading-edition.ts.
const cache = new Map<string, CacheEntry>();

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

const versionOf = (document: { textRevision: number; updatedAt: Date }) => `${document.textRevision}@${document.updatedAt.toISOString()}`;

async function loadEdition(prisma: PrismaClient, slug: string): Promise<CacheEntry | null> {
  const document = await prisma.document.findUnique({
    where: { slug },
    include: {
      paragraphs: { orderBy: { ordinal: "asc" } },
      footnoteRefs: { include: { markParagraph: true, footnoteParagraph: true } },
    },
  });
  if (!document) return null;
  const links: FootnoteLink[] = document.footnoteRefs.map((ref) => ({
    label: ref.label,
    markAnchorId: ref.markParagraph.anchorId!,
    markOffset: ref.markOffset,
    footnoteAnchorId: ref.footnoteParagraph.anchorId!,
  }));
  let number = 0;
  const edition: ReadingEdition = {
    id: document.id,
    slug: document.slug,
    title: document.title,
    author: document.author,
    dateLine: document.dateLine,
    writtenText: document.writtenText,
    writtenOn: isoDate(document.writtenOn),
    place: document.place,
    translation: document.translation,
    firstPublication: document.firstPublication,
    transcriptionCredit: document.transcriptionCredit,
    licenceText: document.licenceText,
    sourceUrl: document.sourceUrl,
    lastUpdatedText: document.lastUpdatedText,
    lastUpdatedOn: isoDate(document.lastUpdatedOn),
    textRevision: document.textRevision,
    paragraphs: document.paragraphs.map((paragraph) => {
      const numbered = paragraph.kind === "body" || paragraph.kind === "blockquote";
      return {
        anchorId: paragraph.anchorId,
        kind: paragraph.kind,
        number: numbered ? ++number : null,
        text: paragraph.text,
        marks: links.filter((link) => link.markAnchorId === paragraph.anchorId),
        calledFrom: links.filter((link) => link.footnoteAnchorId === paragraph.anchorId),
      };
    }),
  };
  return { version: versionOf(document), edition };
}

/** The edition of a document, from this process's copy when the document has not changed since. */
export async function readingEdition(prisma: PrismaClient, slug: string): Promise<ReadingEdition | null> {
  const hit = cache.get(slug);
  if (hit) {
    const head = await prisma.document.findUnique({ where: { slug }, select: { updatedAt: true, textRevision: true } });
    if (head && versionOf(head) === hit.version) return hit.edition;
  }
  const loaded = await loadEdition(prisma, slug);
  if (loaded) cache.set(slug, loaded);
  else cache.delete(slug);
  return loaded?.edition ?? null;
}

/** Forgets this process's copies (tests measuring a cold process). */
export function forgetReadingEditions(): void {
  cache.clear();
}
