import { codePointLength } from "../anchoring/code-point-text";
import { describePassage } from "../anchoring/describe-passage";
import type { PrismaClient } from "../db/create-prisma-client";
import { DEMO_NOTES, EXAMPLE_LABEL, type DemoAuthor, type DemoGroup, type DemoNote } from "./demo-notes";

const SLUG = "reply-to-stalin";
/** Demo notes are dated in the weeks before the demo, an hour apart, so "newest first" has an order to show. */
const FIRST_NOTE_AT = Date.UTC(2026, 9, 1, 9);
const HOUR = 3_600_000;

/** The code-point range of a demo note's quote in its paragraph; throws if the quote is not there (a typo in data). */
export function locateDemoQuote(paragraphText: string, note: DemoNote): { start: number; end: number } {
  let from = -1;
  for (let seen = 0; seen <= (note.occurrence ?? 0); seen += 1) {
    from = paragraphText.indexOf(note.quote!, from + 1);
    if (from < 0) throw new Error(`demo note on ${note.paragraph}: “${note.quote}” is not in the paragraph`);
  }
  const start = codePointLength(paragraphText.slice(0, from));
  return { start, end: start + codePointLength(note.quote!) };
}

export function demoBody(text: string): string {
  return `${EXAMPLE_LABEL} ${text}`;
}

type Context = { authors: Map<string, string>; groups: Record<DemoGroup, string> };

/**
 * Writes the demo notes and their threads once: if any demo author already has a note, nothing is written, so a
 * newcomer's edits and deletions survive restarts.
 */
export async function seedDemoNotes(prisma: PrismaClient, context: Context): Promise<number> {
  const authorId = (author: DemoAuthor) => context.authors.get(`${author}@demo.marginalia`)!;
  const already = await prisma.note.count({ where: { authorId: { in: [...context.authors.values()] } } });
  if (already > 0) return 0;
  const document = await prisma.document.findUnique({ where: { slug: SLUG }, select: { id: true, paragraphs: { select: { id: true, anchorId: true, text: true } } } });
  if (!document) return 0;
  const paragraphs = new Map(document.paragraphs.map((paragraph) => [paragraph.anchorId, paragraph]));
  let written = 0;
  await prisma.$transaction(async (tx) => {
    for (const [index, demo] of DEMO_NOTES.entries()) {
      const paragraph = paragraphs.get(demo.paragraph);
      if (!paragraph) throw new Error(`demo note: no paragraph ${demo.paragraph}`);
      const selectors = demo.quote ? describePassage(paragraph.text, locateDemoQuote(paragraph.text, demo)) : null;
      const createdAt = new Date(FIRST_NOTE_AT + index * 7 * HOUR);
      const shared = {
        documentId: document.id,
        paragraphId: paragraph.id,
        visibility: demo.visibility,
        groupId: demo.group ? context.groups[demo.group] : null,
        referenceType: demo.type,
      };
      const note = await tx.note.create({
        select: { id: true },
        data: {
          ...shared,
          authorId: authorId(demo.author),
          quoteExact: selectors?.quote.exact ?? null,
          quotePrefix: selectors?.quote.prefix ?? null,
          quoteSuffix: selectors?.quote.suffix ?? null,
          positionStart: selectors?.position.start ?? null,
          positionEnd: selectors?.position.end ?? null,
          referenceEntryId: demo.entry ?? null,
          body: demoBody(demo.body),
          tags: ["example", ...demo.tags],
          sources: [{ citation: demo.cites }],
          replyCount: demo.replies?.length ?? 0,
          createdAt,
        },
      });
      written += 1;
      const replyIds: string[] = [];
      for (const [replyIndex, reply] of (demo.replies ?? []).entries()) {
        const row = await tx.note.create({
          select: { id: true },
          data: {
            ...shared,
            authorId: authorId(reply.author),
            threadId: note.id,
            threadStatus: "approved",
            parentId: reply.replyTo === undefined ? note.id : replyIds[reply.replyTo]!,
            body: demoBody(reply.body),
            tags: [],
            createdAt: new Date(createdAt.getTime() + (replyIndex + 1) * HOUR),
          },
        });
        replyIds.push(row.id);
        written += 1;
      }
    }
  });
  return written;
}
