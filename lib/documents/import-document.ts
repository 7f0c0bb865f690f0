import type { PrismaClient } from "../db/create-prisma-client";
import { reanchorParagraphNotes } from "../corrections/reanchor-paragraph-notes";
import { sha256Hex } from "./content-hash";
import { parseSource, type ParsedSource } from "./parse-source";
import { SourceFormatError } from "./source-format-error";
import type { TEdition } from "./editions-manifest";

export type ImportOutcome =
  | { status: "created"; slug: string; paragraphs: number }
  | { status: "unchanged"; slug: string }
  | { status: "revised"; slug: string; changedAnchors: string[]; metadataChanged: boolean };

export type ImportInput = {
  edition: TEdition;
  /** The source file's text. */
  source: string;
  /** How the import names itself in revision records ("import of content/reply-to-stalin.txt"). */
  actorLabel: string;
};

function documentFields(parsed: ParsedSource, edition: TEdition) {
  return {
    title: parsed.title,
    author: parsed.author,
    dateLine: parsed.dateLine,
    writtenText: parsed.writtenText,
    writtenOn: parsed.writtenOn ? new Date(parsed.writtenOn) : null,
    place: edition.place,
    translation: parsed.translation,
    firstPublication: parsed.firstPublication,
    transcriptionCredit: parsed.transcriptionCredit,
    licenceText: parsed.licenceText,
    sourceUrl: edition.sourceUrl,
    lastUpdatedText: parsed.lastUpdatedText,
    lastUpdatedOn: parsed.lastUpdatedOn ? new Date(parsed.lastUpdatedOn) : null,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Imports a source file as a document, in one transaction. Idempotent: an unchanged file writes nothing.
 * A revised file keeps every anchor, updates the paragraphs whose text changed and records a ParagraphRevision
 * for each. A revision that adds, removes or reorders paragraphs is refused: anchors are permanent, and such a
 * change needs an editor's decision, not an automatic re-numbering.
 */
export async function importDocument(prisma: PrismaClient, input: ImportInput): Promise<ImportOutcome> {
  const { edition, source, actorLabel } = input;
  const parsed = parseSource(source);
  const sourceHash = sha256Hex(source);
  const fields = documentFields(parsed, edition);

  return prisma.$transaction(async (tx) => {
    const existing = await tx.document.findUnique({
      where: { slug: edition.slug },
      include: { paragraphs: { orderBy: { ordinal: "asc" } }, footnoteRefs: true },
    });

    if (!existing) {
      const document = await tx.document.create({ data: { slug: edition.slug, sourceHash, ...fields } });
      const paragraphIds = new Map<string, string>();
      for (const [ordinal, block] of parsed.blocks.entries()) {
        const paragraph = await tx.paragraph.create({
          data: {
            documentId: document.id,
            ordinal: ordinal + 1,
            anchorId: block.anchorId,
            kind: block.kind,
            text: block.text,
            contentHash: sha256Hex(block.text),
          },
        });
        if (block.anchorId) paragraphIds.set(block.anchorId, paragraph.id);
      }
      for (const block of parsed.blocks) {
        for (const mark of block.footnoteMarks) {
          await tx.footnoteRef.create({
            data: {
              documentId: document.id,
              label: mark.label,
              markParagraphId: paragraphIds.get(block.anchorId!)!,
              markOffset: mark.offset,
              footnoteParagraphId: paragraphIds.get(`fn${mark.label}`)!,
            },
          });
        }
      }
      return { status: "created", slug: edition.slug, paragraphs: parsed.blocks.length };
    }

    if (existing.sourceHash === sourceHash) return { status: "unchanged", slug: edition.slug };

    const structure = (blocks: { kind: string; anchorId: string | null }[]) =>
      blocks.map((block) => `${block.kind}:${block.anchorId ?? "-"}`).join(" ");
    if (structure(existing.paragraphs) !== structure(parsed.blocks)) {
      throw new SourceFormatError(
        "the revised source adds, removes or reorders paragraphs; anchors are permanent, so only the text of existing paragraphs may change",
      );
    }

    const changedAnchors: string[] = [];
    for (const [index, block] of parsed.blocks.entries()) {
      const paragraph = existing.paragraphs[index];
      if (paragraph.text === block.text) continue;
      const newHash = sha256Hex(block.text);
      await tx.paragraph.update({ where: { id: paragraph.id }, data: { text: block.text, contentHash: newHash } });
      await tx.paragraphRevision.create({
        data: {
          paragraphId: paragraph.id,
          oldText: paragraph.text,
          newText: block.text,
          oldHash: paragraph.contentHash,
          newHash,
          reason: `Revised source file (sha256 ${sourceHash.slice(0, 12)})`,
          source: "import",
          actorLabel,
        },
      });
      // A revised source moves or orphans notes exactly as an editor's correction does, in the same transaction.
      await reanchorParagraphNotes(tx, paragraph.id, block.text);
      changedAnchors.push(block.anchorId ?? `#${index + 1}`);
    }

    for (const block of parsed.blocks) {
      for (const mark of block.footnoteMarks) {
        const ref = existing.footnoteRefs.find((candidate) => candidate.label === mark.label);
        if (ref && ref.markOffset !== mark.offset) {
          await tx.footnoteRef.update({ where: { id: ref.id }, data: { markOffset: mark.offset } });
        }
      }
    }

    const metadataChanged = Object.entries(fields).some(
      ([key, value]) => !sameValue(existing[key as keyof typeof fields], value),
    );
    await tx.document.update({
      where: { id: existing.id },
      data: {
        ...fields,
        sourceHash,
        ...(changedAnchors.length ? { textRevision: { increment: 1 } } : {}),
      },
    });
    return { status: "revised", slug: edition.slug, changedAnchors, metadataChanged };
  });
}
