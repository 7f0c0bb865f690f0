import { describePassage } from "../anchoring/describe-passage";
import type { PrismaClient } from "../db/create-prisma-client";
import { locateDemoQuote, demoBody } from "./seed-demo-notes";

const SLUG = "reply-to-stalin";

/**
 * Something for the reviewers' queue on a fresh demo: a public note by the untrusted demo newcomer, waiting for
 * review, and a student's flag on one of the teacher's public notes. Written once (skipped if the newcomer has a note).
 */
export async function seedDemoModeration(prisma: PrismaClient, ids: Map<string, string>): Promise<number> {
  const newcomerId = ids.get("newcomer@demo.marginalia");
  const flaggerId = ids.get("student2@demo.marginalia");
  const teacherId = ids.get("teacher@demo.marginalia");
  if (!newcomerId || !flaggerId || !teacherId) return 0;
  if ((await prisma.note.count({ where: { authorId: newcomerId } })) > 0) return 0;
  const paragraph = await prisma.paragraph.findFirst({ where: { anchorId: "p19", document: { slug: SLUG } }, select: { id: true, documentId: true, text: true } });
  const flagged = await prisma.note.findFirst({ where: { authorId: teacherId, visibility: "public", threadId: null, quoteExact: "seventy-three days" }, select: { id: true } });
  if (!paragraph) return 0;
  const quote = "150 miles from the nearest railroad";
  const selectors = describePassage(paragraph.text, locateDemoQuote(paragraph.text, { paragraph: "p19", quote } as never));
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.note.create({
      data: {
        documentId: paragraph.documentId,
        paragraphId: paragraph.id,
        authorId: newcomerId,
        visibility: "public",
        quoteExact: selectors.quote.exact,
        quotePrefix: selectors.quote.prefix,
        quoteSuffix: selectors.quote.suffix,
        positionStart: selectors.position.start,
        positionEnd: selectors.position.end,
        referenceType: "place",
        body: demoBody("The letter gives the distance to the railway as 150 miles; a first note by a new account, waiting for a reviewer."),
        tags: ["example", "exile"],
        sources: [{ citation: "Trotsky, “Reply to Stalin” (Alma-Ata, 16 December 1928), ¶19" }],
        moderationStatus: "pending",
        queuedAt: now,
      },
    });
    if (flagged) {
      await tx.flag.create({
        data: { noteId: flagged.id, flaggerId, reason: "inaccurate", comment: "Does the letter say which daughter? The note should say only what ¶20 says." },
      });
      await tx.note.update({ where: { id: flagged.id }, data: { openFlagCount: { increment: 1 }, queuedAt: now } });
      await tx.moderationRecord.create({
        data: { action: "flag", actorId: flaggerId, actorLabel: "Sam Student", noteId: flagged.id, subjectUserId: teacherId, reason: "inaccurate", queuedAt: now },
      });
    }
  });
  return flagged ? 2 : 1;
}
