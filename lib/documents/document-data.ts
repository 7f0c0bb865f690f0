import { z } from "zod";
import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import { GFDL_URL } from "./licence-url";

const ZWhen = z.iso.datetime();
const ZDay = z.iso.date();

/** GET /api/documents: every document, for tools that then fetch each one's text. */
export const ZDocumentList = z.strictObject({
  documents: z.array(z.strictObject({ slug: z.string(), title: z.string(), author: z.string(), textRevision: z.number().int().min(1), url: z.string() })),
});

/**
 * GET /api/documents/<slug>: the document's facts and every block exactly as stored — the text the anchors,
 * passages and offsets of every annotation count in (Unicode code points), with its content hash and footnote marks.
 */
export const ZDocumentData = z.strictObject({
  slug: z.string(),
  title: z.string(),
  author: z.string(),
  dateLine: z.string().nullable(),
  writtenOn: ZDay.nullable(),
  writtenText: z.string().nullable(),
  place: z.string().nullable(),
  translation: z.string().nullable(),
  firstPublication: z.string().nullable(),
  transcriptionCredit: z.string().nullable(),
  licence: z.strictObject({ text: z.string(), url: z.string() }),
  sourceUrl: z.string().nullable(),
  lastUpdatedText: z.string().nullable(),
  lastUpdatedOn: ZDay.nullable(),
  /** Raised by every change of any block's text: the ETag. */
  textRevision: z.number().int().min(1),
  updatedAt: ZWhen,
  blocks: z.array(
    z.strictObject({
      anchor: z.string().nullable(),
      kind: z.enum(["salutation", "body", "blockquote", "section-break", "dateline", "footnote"]),
      ordinal: z.number().int().min(1),
      text: z.string(),
      /** SHA-256 (hex) of the text. */
      contentHash: z.string(),
      /** Marks in this block's text: where they stand (code points) and the footnote they call. */
      footnoteMarks: z.array(z.strictObject({ label: z.string(), offset: z.number().int().min(0), footnote: z.string().nullable() })),
    }),
  ),
});
export type DocumentData = z.infer<typeof ZDocumentData>;

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export async function listDocumentData(prisma: PrismaClient, origin: string): Promise<z.infer<typeof ZDocumentList>> {
  const rows = await prisma.document.findMany({ select: { slug: true, title: true, author: true, textRevision: true }, orderBy: [{ title: "asc" }, { slug: "asc" }] });
  return { documents: rows.map((row) => ({ ...row, url: `${origin}/api/documents/${row.slug}` })) };
}

/** Only the text revision, for a conditional request answered without reading the blocks. */
export async function documentTextRevision(prisma: PrismaClient, slug: string): Promise<number> {
  const row = await prisma.document.findUnique({ where: { slug }, select: { textRevision: true } });
  if (!row) throw notFound("No such document");
  return row.textRevision;
}

export async function documentData(prisma: PrismaClient, slug: string): Promise<DocumentData> {
  const document = await prisma.document.findUnique({
    where: { slug },
    include: {
      paragraphs: {
        orderBy: { ordinal: "asc" },
        select: {
          anchorId: true, kind: true, ordinal: true, text: true, contentHash: true,
          footnoteMarks: { select: { label: true, markOffset: true, footnoteParagraph: { select: { anchorId: true } } }, orderBy: { markOffset: "asc" } },
        },
      },
    },
  });
  if (!document) throw notFound("No such document");
  return {
    slug: document.slug,
    title: document.title,
    author: document.author,
    dateLine: document.dateLine,
    writtenOn: day(document.writtenOn),
    writtenText: document.writtenText,
    place: document.place,
    translation: document.translation,
    firstPublication: document.firstPublication,
    transcriptionCredit: document.transcriptionCredit,
    licence: { text: document.licenceText, url: GFDL_URL },
    sourceUrl: document.sourceUrl,
    lastUpdatedText: document.lastUpdatedText,
    lastUpdatedOn: day(document.lastUpdatedOn),
    textRevision: document.textRevision,
    updatedAt: document.updatedAt.toISOString(),
    blocks: document.paragraphs.map((block) => ({
      anchor: block.anchorId,
      kind: block.kind === "section_break" ? "section-break" : block.kind,
      ordinal: block.ordinal,
      text: block.text,
      contentHash: block.contentHash,
      footnoteMarks: block.footnoteMarks.map((mark) => ({ label: mark.label, offset: mark.markOffset, footnote: mark.footnoteParagraph.anchorId })),
    })),
  };
}
