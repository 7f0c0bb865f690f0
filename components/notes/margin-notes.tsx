import type { NoteView } from "@/lib/annotations/note-view";
import type { FeedbackState } from "@/lib/teaching/feedback-schemas";
import { NoteCard } from "./note-card";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import { NoteCountLinks } from "./note-count-links";
import { NoteHighlights } from "./note-highlights";
import { MarginLayout } from "./margin-layout";

/** A paragraph's notes on this page, and how many the reader may see there under the current filters. */
export type ParagraphNotes = { paragraph: string; label: string; notes: NoteView[]; total: number };

function countText(count: number): string {
  return count === 1 ? "1 note" : `${count} notes`;
}

/** The one line a paragraph's notes fold into on narrow screens: "3 notes: Organisation, Person…". */
function summaryText(group: ParagraphNotes): string {
  const types = [...new Set(group.notes.map((note) => REFERENCE_TYPE_LABELS[note.referenceType as keyof typeof REFERENCE_TYPE_LABELS] ?? note.referenceType))];
  if (!types.length) return countText(group.total);
  return `${countText(group.total)}: ${types.slice(0, 2).join(", ")}${types.length > 2 ? "…" : ""}`;
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
  const titleId = `notes-${group.paragraph}-title`;
  const open = group.notes.some((note) => note.id === openNoteId);
  return (
    <section
      id={`notes-${group.paragraph}`}
      className={open ? "paragraph-notes is-expanded" : "paragraph-notes"}
      data-notes-for={group.paragraph}
      data-notes-total={group.total}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="paragraph-notes-title">
        <span className="paragraph-notes-heading">
          <span data-notes-count>{countText(group.total)}</span> on <a href={`#${group.paragraph}`}>{group.label}</a>
        </span>
        {/* Narrow screens, with JavaScript: the paragraph's notes fold into this one line until opened. */}
        <button type="button" className="paragraph-notes-toggle" data-notes-toggle aria-expanded={open} aria-controls={`notes-${group.paragraph}`}>
          {summaryText(group)}
          <span className="visually-hidden"> on {group.label}</span>
        </button>
      </h2>
      {group.notes.map((note) => (
        <NoteCard key={note.id} note={note} slug={slug} viewerId={viewerId} open={note.id === openNoteId} feedback={feedback.get(note.id)} />
      ))}
      <p className="paragraph-notes-more">
        {/* Shown by the margin layout when some of these cards do not fit beside the paragraph: opens the panel. */}
        <button type="button" className="link-button" data-notes-more hidden aria-controls="notes-panel">
          {/* "N more" is drawn from data-count (set by the layout): React owns no text the layout changes. */}
          <span className="visually-hidden"> notes on {group.label}, in the notes panel</span>
        </button>
        {group.notes.length < group.total ? (
          <a href={moreHref} data-notes-all>
            {group.notes.length === 0 ? "Show" : "Show all"} {countText(group.total)}
            <span className="visually-hidden"> on {group.label}</span>
          </a>
        ) : null}
      </p>
    </section>
  );
}

/** What the margin adds once the page runs: note counts among each paragraph's tools, and the passages highlighted. */
export function MarginNotesEnhancements({ openNoteId }: { openNoteId: string | null }) {
  return (
    <>
      <MarginLayout />
      <NoteCountLinks />
      <NoteHighlights openNoteId={openNoteId} />
    </>
  );
}
