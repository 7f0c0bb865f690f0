import type { NoteView } from "@/lib/annotations/note-view";
import { NoteCard } from "./note-card";
import { NoteHighlights } from "./note-highlights";
import { PlaceMarginNotes } from "./place-margin-notes";

/** A paragraph's notes on this page, and how many the reader may see there under the current filters. */
export type ParagraphNotes = { paragraph: string; label: string; notes: NoteView[]; total: number };

function countText(count: number): string {
  return count === 1 ? "1 note" : `${count} notes`;
}

/**
 * Readers' notes, rendered apart from the cached letter text so that text stays the same for everyone. Without
 * JavaScript they form a list under the letter; PlaceMarginNotes moves each paragraph's group beside its paragraph.
 * A paragraph with more notes than this page shows links to all of them (`moreHref`).
 */
export function MarginNotes({
  groups,
  slug,
  openNoteId,
  moreHref,
  viewerId = null,
}: {
  groups: ParagraphNotes[];
  slug: string;
  openNoteId: string | null;
  moreHref: (paragraph: string) => string;
  /** The signed-in reader, so that their own notes offer Edit and Delete. */
  viewerId?: string | null;
}) {
  if (groups.length === 0) return null;
  return (
    <aside className="margin-notes" aria-label="Readers' notes" data-margin-notes>
      {groups.map((group) => (
        <section key={group.paragraph} id={`notes-${group.paragraph}`} className="paragraph-notes" data-notes-for={group.paragraph} aria-labelledby={`notes-${group.paragraph}-title`}>
          <h2 id={`notes-${group.paragraph}-title`} className="paragraph-notes-title">
            <span data-notes-count>{countText(group.total)}</span> on <a href={`#${group.paragraph}`}>{group.label}</a>
          </h2>
          {group.notes.map((note) => (
            <NoteCard key={note.id} note={note} slug={slug} viewerId={viewerId} open={note.id === openNoteId} />
          ))}
          {group.notes.length < group.total ? (
            <p className="paragraph-notes-more">
              <a href={moreHref(group.paragraph)}>
                {group.notes.length === 0 ? "Show" : "Show all"} {countText(group.total)}
                <span className="visually-hidden"> on {group.label}</span>
              </a>
            </p>
          ) : null}
        </section>
      ))}
      <PlaceMarginNotes />
      <NoteHighlights openNoteId={openNoteId} />
    </aside>
  );
}
