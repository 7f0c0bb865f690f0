import "server-only";
import { cache as perRequest } from "react";
import { prisma } from "../db/prisma";
import type { FootnoteLink, ReadingEdition } from "./reading-edition";

type CacheEntry = { version: string; edition: ReadingEdition };

// The edition changes only when its document row does, so each process keeps one copy per document version and
// asks PostgreSQL for the version alone on each request: a correction made through any app server shows at once.
const cache = new Map<string, CacheEntry>();

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function loadEdition(slug: string): Promise<ReadingEdition | null> {
  const document = await prisma().document.findUnique({
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
  return {
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
}

/** The edition of a document; asked twice in one request (metadata and page), PostgreSQL is asked once. */
export const getReadingEdition = perRequest(async function getReadingEdition(slug: string): Promise<ReadingEdition | null> {
  const head = await prisma().document.findUnique({ where: { slug }, select: { updatedAt: true, textRevision: true } });
  if (!head) {
    cache.delete(slug);
    return null;
  }
  const version = `${head.textRevision}@${head.updatedAt.toISOString()}`;
  const hit = cache.get(slug);
  if (hit?.version === version) return hit.edition;
  const edition = await loadEdition(slug);
  if (edition) cache.set(slug, { version, edition });
  return edition;
});
