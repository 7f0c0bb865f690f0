import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";

/** A document the request has already looked up (its id and slug), so that no loader looks it up again. */
export type DocumentRef = { id: string; slug: string };

/** The document a loader was given: as looked up already, or by its slug (one query; 404 when there is none). */
export async function documentRefOf(prisma: PrismaClient, which: string | DocumentRef): Promise<DocumentRef> {
  if (typeof which !== "string") return which;
  const document = await prisma.document.findUnique({ where: { slug: which }, select: { id: true, slug: true } });
  if (!document) throw notFound("No such document");
  return document;
}
