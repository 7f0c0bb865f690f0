import type { PrismaClient } from "../db/create-prisma-client";

/** Every document of the site, by title: each one's slug and title (for the account's downloads). */
export function listDocuments(prisma: PrismaClient): Promise<{ slug: string; title: string }[]> {
  return prisma.document.findMany({ select: { slug: true, title: true }, orderBy: [{ title: "asc" }, { slug: "asc" }] });
}
