import { PARAGRAPH_ANCHOR_PATTERN } from "../anchoring/selectors";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import type { ParagraphHistory, ParagraphRevisionView } from "./correction-schemas";

// The views live beside their schemas; the TEI header (lib/tei) reads them from here.
export type { ParagraphHistory, ParagraphRevisionView };

const REVISION_SELECT = {
  id: true,
  source: true,
  oldText: true,
  newText: true,
  reason: true,
  actorLabel: true,
  createdAt: true,
  paragraph: { select: { anchorId: true } },
} as const;

function toView(row: {
  id: string;
  source: "import" | "correction";
  oldText: string;
  newText: string;
  reason: string;
  actorLabel: string;
  createdAt: Date;
  paragraph: { anchorId: string | null };
}): ParagraphRevisionView {
  return {
    id: row.id,
    paragraph: row.paragraph.anchorId ?? "",
    source: row.source,
    oldText: row.oldText,
    newText: row.newText,
    reason: row.reason,
    actorLabel: row.actorLabel,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A paragraph's current text (with its footnote marks' offsets, in code points) and every change it went through. */
export async function paragraphHistory(prisma: PrismaClient, actor: Actor, slug: string, anchorId: string): Promise<ParagraphHistory> {
  assertCan(actor, "document:read", { type: "document" });
  if (!PARAGRAPH_ANCHOR_PATTERN.test(anchorId)) throw notFound("No such paragraph in this document");
  const paragraph = await prisma.paragraph.findFirst({
    where: { anchorId, document: { slug } },
    select: {
      anchorId: true,
      text: true,
      footnoteMarks: { select: { label: true, markOffset: true }, orderBy: { markOffset: "asc" } },
      revisions: { select: REVISION_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!paragraph) throw notFound("No such paragraph in this document");
  return {
    paragraph: {
      anchor: paragraph.anchorId!,
      text: paragraph.text,
      marks: paragraph.footnoteMarks.map((mark) => ({ label: mark.label, offset: mark.markOffset })),
    },
    revisions: paragraph.revisions.map(toView),
  };
}

/** Every recorded correction of a document's text, newest first (null when there is no such document). */
export async function listCorrections(prisma: PrismaClient, actor: Actor, slug: string): Promise<ParagraphRevisionView[] | null> {
  assertCan(actor, "document:read", { type: "document" });
  const document = await prisma.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return null;
  const rows = await prisma.paragraphRevision.findMany({
    where: { source: "correction", paragraph: { documentId: document.id } },
    select: REVISION_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toView);
}
