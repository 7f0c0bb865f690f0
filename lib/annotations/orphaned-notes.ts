import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { contextOf, type Reader } from "../request/request-context";
import { NOTE_INCLUDE, toNoteView } from "./load-notes";
import { isReadableRow, noteAccessOf, toNoteResource, visibleNotesWhere } from "./note-access";
import type { NoteView } from "./note-view";

/** Enough for any real reader of one letter; a larger backlog of orphans is an editorial problem, not a page. */
export const MAX_ORPHANS = 200;

/**
 * The notes the reader may see that lost their passage when the text was corrected: listed apart, with the quote
 * they were written on, and never drawn on the text, where they would sit on whatever now looks like their words.
 * In reading order of their paragraph, then oldest first.
 */
export async function listOrphanedNotes(prisma: PrismaClient, who: Reader, which: string | DocumentRef): Promise<NoteView[]> {
  const { actor, reader } = await contextOf(prisma, who);
  assertCan(actor, "document:read", { type: "document" });
  const document = await documentRefOf(prisma, which);
  const rows = await prisma.note.findMany({
    where: { AND: [visibleNotesWhere(actor, reader), { documentId: document.id, threadId: null, anchorStatus: "orphan" }] },
    include: NOTE_INCLUDE,
    orderBy: [{ paragraph: { ordinal: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    take: MAX_ORPHANS,
  });
  // The query mirrors the policy; the policy still has the last word on every row.
  return rows.flatMap((row) => {
    const resource = toNoteResource(row, reader);
    return isReadableRow(actor, resource, row.id, "orphaned-notes") ? [toNoteView(row, noteAccessOf(actor, resource))] : [];
  });
}
