import type { PrismaClient } from "../db/create-prisma-client";
import { hashPassword } from "../auth/password/hash-password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, UNTRUSTED_DEMO_ACCOUNTS } from "./demo-accounts";
import { seedDemoNotes } from "./seed-demo-notes";
import { seedDemoModeration } from "./seed-demo-moderation";
import { seedDemoImport } from "./seed-demo-import";
import { seedDemoTeaching } from "./seed-demo-teaching";
import { SEMINAR_NAME } from "./demo-notes";

const CLASS_NAME = "History 204";

/**
 * Demo accounts for every role and a class with its teacher and two students. Idempotent: existing accounts and
 * the class are left as they are, so a newcomer's changes survive restarts.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<{ created: number; notes: number }> {
  let created = 0;
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const existing = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) {
      ids.set(account.email, existing.id);
      continue;
    }
    const user = await prisma.user.create({
      data: {
        email: account.email,
        displayName: account.displayName,
        siteRole: account.siteRole,
        // Demo authors publish at once (their notes are the approved examples); the newcomer shows pre-moderation.
        trusted: !UNTRUSTED_DEMO_ACCOUNTS.has(account.email),
        passwordHash: await hashPassword(DEMO_PASSWORD),
        affiliation: "Marginalia demo",
      },
    });
    ids.set(account.email, user.id);
    created += 1;
  }
  const teacherId = ids.get("teacher@demo.marginalia")!;
  let classGroup = await prisma.group.findFirst({ where: { name: CLASS_NAME, createdById: teacherId }, select: { id: true } });
  if (!classGroup) {
    classGroup = await prisma.group.create({
      select: { id: true },
      data: {
        kind: "class",
        name: CLASS_NAME,
        term: "Spring 2027",
        description: "Sources of Soviet history, 1917–1929: commentary on Trotsky’s Reply to Stalin.",
        createdById: teacherId,
        memberships: {
          create: [
            { userId: teacherId, role: "owner" },
            { userId: ids.get("student1@demo.marginalia")!, role: "member" },
            { userId: ids.get("student2@demo.marginalia")!, role: "member" },
          ],
        },
      },
    });
  }
  const seminarId = await ensureSeminar(prisma, ids);
  const notes = await seedDemoNotes(prisma, { authors: ids, groups: { class: classGroup.id, seminar: seminarId } });
  const queued = await seedDemoModeration(prisma, ids);
  const teaching = await seedDemoTeaching(prisma, ids, classGroup.id);
  const imported = await seedDemoImport(prisma, ids);
  return { created, notes: notes + queued + teaching + imported };
}

/** A research group (the researcher owns it, the reviewer is a member) so group notes outside a class show too. */
async function ensureSeminar(prisma: PrismaClient, ids: Map<string, string>): Promise<string> {
  const ownerId = ids.get("researcher@demo.marginalia")!;
  const existing = await prisma.group.findFirst({ where: { name: SEMINAR_NAME, createdById: ownerId }, select: { id: true } });
  if (existing) return existing.id;
  const seminar = await prisma.group.create({
    select: { id: true },
    data: {
      kind: "research",
      name: SEMINAR_NAME,
      description: "Researchers reading the Left Opposition's documents of 1927–1929 together.",
      createdById: ownerId,
      memberships: {
        create: [
          { userId: ownerId, role: "owner" },
          { userId: ids.get("reviewer@demo.marginalia")!, role: "member" },
        ],
      },
    },
  });
  return seminar.id;
}
