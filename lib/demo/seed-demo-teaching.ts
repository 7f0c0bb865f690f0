import type { PrismaClient } from "../db/create-prisma-client";
import { demoBody, locateDemoQuote } from "./seed-demo-notes";
import { describePassage } from "../anchoring/describe-passage";

const SLUG = "reply-to-stalin";
export const DEMO_ASSIGNMENT_TITLE = "Commentary: the International's record (¶5–¶11)";
const OPENS_AT = new Date("2026-10-01T08:00:00Z");
/** 23:59 in London on 1 November 2026 (GMT by then). */
const DUE_AT = new Date("2026-11-01T23:59:00Z");
const LATE = new Date("2026-11-04T10:30:00Z");

/**
 * The class's published assignment, with the students' class notes on ¶5–¶11 counted as work on it: Sasha's two
 * notes (in progress: no reply to a classmate yet), and Sam's notes plus a note and a reply written after the due
 * date (late). Written once (skipped when the class has an assignment).
 */
export async function seedDemoTeaching(prisma: PrismaClient, ids: Map<string, string>, classId: string): Promise<number> {
  if ((await prisma.assignment.count({ where: { groupId: classId } })) > 0) return 0;
  const teacherId = ids.get("teacher@demo.marginalia")!;
  const sashaId = ids.get("student1@demo.marginalia")!;
  const samId = ids.get("student2@demo.marginalia")!;
  const document = await prisma.document.findUnique({
    where: { slug: SLUG },
    select: { id: true, paragraphs: { where: { anchorId: { in: ["p5", "p9", "p11"] } }, select: { id: true, anchorId: true, ordinal: true, text: true } } },
  });
  if (!document) return 0;
  const byAnchor = new Map(document.paragraphs.map((paragraph) => [paragraph.anchorId!, paragraph]));
  const p5 = byAnchor.get("p5")!;
  const p9 = byAnchor.get("p9")!;
  const p11 = byAnchor.get("p11")!;
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: {
        groupId: classId,
        documentId: document.id,
        title: DEMO_ASSIGNMENT_TITLE,
        instructions:
          "_Example assignment (demo data)._ Annotate the references in paragraphs 5 to 11: who or what is named, and what the letter says of it. Cite the paragraphs you rely on. Write at least **two notes**, one of them on a **person**, and reply to at least **one** classmate's note.",
        fromOrdinal: p5.ordinal,
        toOrdinal: p11.ordinal,
        opensAt: OPENS_AT,
        dueAt: DUE_AT,
        timeZone: "Europe/London",
        minNotes: 2,
        minReplies: 1,
        requiredTypes: ["person"],
        peerVisibility: "after_due",
        state: "published",
        maxPoints: 20,
        rubric: [
          { criterion: "Accuracy: says only what the sources support", points: 10 },
          { criterion: "Citations", points: 5 },
          { criterion: "Discussion with classmates", points: 5 },
        ],
        createdById: teacherId,
      },
      select: { id: true },
    });
    // The students' class notes on the covered paragraphs become work on the assignment.
    const attached = await tx.note.updateMany({
      where: { groupId: classId, authorId: { in: [sashaId, samId] }, threadId: null, paragraphId: { in: [p5.id, p9.id, p11.id] } },
      data: { assignmentId: assignment.id },
    });
    const quote = "Pilsudski";
    const selectors = describePassage(p9.text, locateDemoQuote(p9.text, { paragraph: "p9", quote } as never));
    await tx.note.create({
      data: {
        documentId: document.id,
        paragraphId: p9.id,
        authorId: samId,
        visibility: "group",
        groupId: classId,
        assignmentId: assignment.id,
        quoteExact: selectors.quote.exact,
        quotePrefix: selectors.quote.prefix,
        quoteSuffix: selectors.quote.suffix,
        positionStart: selectors.position.start,
        positionEnd: selectors.position.end,
        referenceType: "person",
        body: demoBody("Sam's person note, written three days after the due date: the letter names Pilsudski only as the one whose “rearguard” Poland's vanguard became (¶9)."),
        tags: ["example", "poland"],
        sources: [{ citation: "Trotsky, “Reply to Stalin” (Alma-Ata, 16 December 1928), ¶9" }],
        createdAt: LATE,
      },
    });
    const sashaNote = await tx.note.findFirst({ where: { authorId: sashaId, assignmentId: assignment.id, threadId: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (sashaNote) {
      await tx.note.create({
        data: {
          documentId: document.id,
          paragraphId: p5.id,
          authorId: samId,
          visibility: "group",
          groupId: classId,
          assignmentId: assignment.id,
          referenceType: "person",
          body: demoBody("Late reply: ¶24 repeats the pairing too."),
          tags: [],
          threadId: sashaNote.id,
          threadStatus: "approved",
          parentId: sashaNote.id,
          createdAt: new Date(LATE.getTime() + 3_600_000),
        },
      });
      await tx.note.update({ where: { id: sashaNote.id }, data: { replyCount: { increment: 1 } } });
    }
    return attached.count + 2;
  });
}
