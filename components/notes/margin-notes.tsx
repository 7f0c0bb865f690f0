import type { NoteView } from "@/lib/annotations/note-view";
import type { FeedbackState } from "@/lib/teaching/feedback-schemas";
import { NoteCard } from "./note-card";
import { NoteCountLinks } from "./note-count-links";
import { NoteHighlights } from "./note-highlights";

/** A paragraph's notes on this page, and how many the reader may see there under the current filters. */
export type ParagraphNotes = { paragraph: string; label: string; notes: NoteView[]; total: number };

function countText(count: number): string {
  return count === 1 ? "1 note" : `${count} notes`;
}

/**
 * One paragraph's notes, rendered on the server into that paragraph's margin slot (beside it on wide screens, under
 * it on narrow ones), so the layout is final at first paint, with or without JavaScript. A paragraph with more notes
 * than the page shows links to all of them (`moreHref`).
 */
export function ParagraphNotesSection({
  group,
  slug,
  viewerId,
  openNoteId,
  feedback,
  moreHref,
}: {
  group: ParagraphNotes;
  slug: string;
  viewerId: string | null;
  openNoteId: string | null;
  /** Private feedback on the shown notes that have some for this reader (from the page's data, not fetched per card). */
  feedback: Map<string, FeedbackState>;
  moreHref: string;
}) {
  return (
    <section id={`notes-${group.paragraph}`} className="paragraph-notes" data-notes-for={group.paragraph} aria-labelledby={`notes-${group.paragraph}-title`}>
      <h2 id={`notes-${group.paragraph}-title`} className="paragraph-notes-title">
        <span data-notes-count>{countText(group.total)}</span> on <a href={`#${group.paragraph}`}>{group.label}</a>
      </h2>
      {group.notes.map((note) => (
        <NoteCard key={note.id} note={note} slug={slug} viewerId={viewerId} open={note.id === openNoteId} feedback={feedback.get(note.id)} />
      ))}
      {group.notes.length < group.total ? (
        <p className="paragraph-notes-more">
          <a href={moreHref}>
            {group.notes.length === 0 ? "Show" : "Show all"} {countText(group.total)}
            <span className="visually-hidden"> on {group.label}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** What the margin adds once the page runs: note counts among each paragraph's tools, and the passages highlighted. */
export function MarginNotesEnhancements({ openNoteId }: { openNoteId: string | null }) {
  return (
    <>
      <NoteCountLinks />
      <NoteHighlights openNoteId={openNoteId} />
    </>
  );
}
