import { getNote } from "../annotations/note-operations";
import { ANONYMOUS } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import type { ReadingEdition } from "../documents/reading-edition";
import { AppError } from "../errors/app-error";
import type { NoteCitationSource } from "./note-citation";

/**
 * The citation facts of a note for its permalink page's metadata, when everyone may read it (a public, published,
 * live note): asked of the policy as an anonymous reader, so that no tag ever tells more than the page shows anyone.
 */
export async function publicNoteCitation(prisma: PrismaClient, edition: ReadingEdition, noteId: string, origin: string): Promise<Omit<NoteCitationSource, "accessedOn"> | null> {
  if (!isRowId(noteId)) return null;
  const note = await getNote(prisma, ANONYMOUS, noteId).catch((error) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!note || note.deleted || note.visibility !== "public") return null;
  const paragraph = edition.paragraphs.find((block) => block.anchorId === note.paragraph);
  return {
    noteId: note.id,
    author: note.author.displayName,
    writtenOn: note.createdAt.slice(0, 10),
    locator: paragraph?.number != null ? String(paragraph.number) : note.paragraph,
    url: `${origin}/letters/${edition.slug}?note=${note.id}#note-${note.id}`,
    letter: { author: edition.author, title: edition.title },
  };
}
