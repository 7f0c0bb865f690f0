import type { FeedbackState } from "@/lib/teaching/feedback-schemas";
import type { NoteView } from "@/lib/annotations/note-view";
import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { blockLabel } from "@/components/reading/block-label";
import { NoteCard } from "./note-card";

/**
 * The reader's notes whose passage a correction of the text removed. They are listed here, under the letter, with
 * the words they were written on, and never drawn on the text: a look-alike passage is not theirs.
 */
export function OrphanedNotes({
  notes,
  edition,
  viewerId,
  feedback,
}: {
  notes: NoteView[];
  edition: ReadingEdition;
  viewerId: string | null;
  feedback?: Map<string, FeedbackState>;
}) {
  if (notes.length === 0) return null;
  const labels = new Map(edition.paragraphs.filter((paragraph) => paragraph.anchorId).map((paragraph) => [paragraph.anchorId!, blockLabel(paragraph)]));
  return (
    <section id="orphaned-notes" className="orphaned-notes" aria-labelledby="orphaned-notes-title" tabIndex={-1}>
      <h2 id="orphaned-notes-title" className="section-title">
        Notes that lost their passage
      </h2>
      <p className="orphaned-notes-intro">
        The words these notes quote are no longer in the text: the paragraph was corrected after they were written.
        They are kept here, apart from the text. <a href={`/letters/${edition.slug}/corrections`}>See the corrections</a>.
      </p>
      <ul className="orphaned-notes-list">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="orphaned-note-place">
              Was on <a href={`#${note.paragraph}`}>{labels.get(note.paragraph) ?? note.paragraph}</a>
            </p>
            <NoteCard note={note} slug={edition.slug} viewerId={viewerId} feedback={feedback?.get(note.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
