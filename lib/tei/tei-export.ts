import type { NoteView } from "../annotations/note-view";
import { ANONYMOUS } from "../authz/actor";
import { listCorrections } from "../corrections/paragraph-revisions";
import type { PrismaClient } from "../db/create-prisma-client";
import { readingEdition } from "../documents/reading-edition-cache";
import { notFound } from "../errors/app-error";
import type { Reader } from "../request/request-context";
import { teiAnnotation } from "./tei-annotations";
import { teiHeader } from "./tei-header";
import { teiIndex } from "./tei-index";
import { notesOfChoice, type NotesChoice } from "../export/notes-choice";
import { teiText } from "./tei-text";

/**
 * The edition as one TEI P5 document, produced piece by piece: the header, the text, the reference index and the
 * annotations the choice holds in standOff. Refusals (404, 401) happen before the first piece.
 */
export async function* teiDocument(prisma: PrismaClient, who: Reader, slug: string, choice: NotesChoice, origin: string): AsyncGenerator<string> {
  const edition = await readingEdition(prisma, slug);
  if (!edition) throw notFound("No such document");
  const batches = notesOfChoice(prisma, who, edition.id, choice, "tei-export");
  // The first batch is read before anything is sent, so that a refused choice is an error response, not a cut file.
  const [first, corrections, entries] = await Promise.all([
    batches.next(),
    listCorrections(prisma, ANONYMOUS, slug),
    prisma.referenceEntry.findMany({ orderBy: [{ type: "asc" }, { name: "asc" }] }),
  ]);
  const written = new Set<string>();
  const links = {
    person: (id: string) => `${origin}/people/${id}`,
    permalink: (id: string) => `${origin}/letters/${slug}?note=${id}#note-${id}`,
    included: (id: string) => written.has(id),
  };
  const annotations = (notes: NoteView[]) =>
    notes
      .map((note) => {
        written.add(note.id);
        return teiAnnotation(note, links);
      })
      .join("\n");
  const generated = new Date();
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n`;
  yield `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n${teiHeader(edition, corrections ?? [], `${origin}/letters/${slug}`, generated)}\n${teiText(edition)}\n<standOff>\n`;
  yield `${teiIndex(entries)}\n`;
  if (!first.done) {
    yield "<listAnnotation>\n";
    yield annotations(first.value);
    for await (const notes of batches) yield `\n${annotations(notes)}`;
    yield "\n</listAnnotation>\n";
  }
  yield "</standOff>\n</TEI>\n";
}
