import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";

/** The form of an entry's id (a kebab-case slug, as content/references.json has it). */
export const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Refuses a link from a note to an entry the index does not hold: 400 with a field message, checked before the
 * write so that the foreign key never has to refuse it. (Entries are never deleted, so the check cannot go stale.)
 */
export async function assertReferenceEntryExists(prisma: Pick<PrismaClient, "referenceEntry">, id: string): Promise<void> {
  const found = ENTRY_ID.test(id) ? await prisma.referenceEntry.findUnique({ where: { id }, select: { id: true } }) : null;
  if (!found) {
    throw new AppError("bad_request", "Invalid input", { fields: { referenceEntryId: ["No such entry in the reference index"] } });
  }
}
