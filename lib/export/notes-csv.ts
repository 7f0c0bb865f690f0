import type { PrismaClient } from "../db/create-prisma-client";
import { documentRefOf } from "../documents/document-ref";
import type { Reader } from "../request/request-context";
import { csvRow, type CsvCell } from "./csv";
import { notesOfChoice, type NotesChoice } from "./notes-choice";

/** The teachers' export's columns (lib/teaching/exports.ts), with the passage's offsets, the visibility and the group. */
export const NOTES_CSV_HEADER = [
  "id", "thread_id", "parent_id", "paragraph", "quote", "start", "end", "reference_type", "index_entry", "tags",
  "visibility", "group", "author_id", "author", "created_at", "updated_at", "body",
] as const;

/**
 * The notes and replies a choice holds on a document (the one visibility rule; see notesOfChoice) as CSV: RFC 4180,
 * formula-safe cells (lib/export/csv.ts), UTF-8 with a byte order mark so that spreadsheets read it as UTF-8. A
 * deleted note that still has replies is a row with its place and no author or text, so its replies' thread_id
 * points somewhere. Produced batch by batch; the document's 404 and the choice's refusals come before the first row.
 */
export async function* notesCsv(prisma: PrismaClient, who: Reader, slug: string, choice: NotesChoice): AsyncGenerator<string> {
  const document = await documentRefOf(prisma, slug);
  const batches = notesOfChoice(prisma, who, document.id, choice, "notes-csv");
  const first = await batches.next();
  yield `\uFEFF${csvRow(NOTES_CSV_HEADER)}`;
  if (first.done) return;
  const rows = (notes: typeof first.value) =>
    notes
      .map((note) =>
        csvRow([
          note.id, note.threadId, note.parentId, note.paragraph, note.quote?.exact, note.position?.start, note.position?.end,
          note.threadId ? null : note.referenceType, note.referenceEntry?.name, note.tags.join(" "), note.visibility, note.group?.name,
          note.deleted ? null : note.author.id, note.deleted ? null : note.author.displayName, note.createdAt, note.updatedAt, note.body,
        ] satisfies CsvCell[]),
      )
      .join("");
  yield rows(first.value);
  for await (const notes of batches) yield rows(notes);
}
