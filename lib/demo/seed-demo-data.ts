import type { PrismaClient } from "../db/create-prisma-client";
import { hashPassword } from "../auth/password/hash-password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const CLASS_NAME = "History 204";

/**
 * Demo accounts for every role and a class with its teacher and two students. Idempotent: existing accounts and
 * the class are left as they are, so a newcomer's changes survive restarts.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<{ created: number }> {
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
        passwordHash: await hashPassword(DEMO_PASSWORD),
        affiliation: "Marginalia demo",
      },
    });
    ids.set(account.email, user.id);
    created += 1;
  }
  const teacherId = ids.get("teacher@demo.marginalia")!;
  const hasClass = await prisma.group.findFirst({ where: { name: CLASS_NAME, createdById: teacherId }, select: { id: true } });
  if (!hasClass) {
    await prisma.group.create({
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
  return { created };
}
