import type { NoteView } from "@/lib/annotations/note-view";
import { NoteCard } from "./note-card";
import { PlaceMarginNotes } from "./place-margin-notes";

export type ParagraphNotes = { paragraph: string; label: string; notes: NoteView[] };

function countText(count: number): string {
  return count === 1 ? "1 note" : `${count} notes`;
}

/**
 * Readers' notes, rendered apart from the cached letter text so that text stays the same for everyone. Without
 * JavaScript they form a list under the letter; PlaceMarginNotes moves each paragraph's group beside its paragraph.
 */
export function MarginNotes({ groups, slug }: { groups: ParagraphNotes[]; slug: string }) {
  if (groups.length === 0) return null;
  return (
    <aside className="margin-notes" aria-label="Readers' notes" data-margin-notes>
      {groups.map((group) => (
        <section key={group.paragraph} id={`notes-${group.paragraph}`} className="paragraph-notes" data-notes-for={group.paragraph} aria-labelledby={`notes-${group.paragraph}-title`}>
          <h2 id={`notes-${group.paragraph}-title`} className="paragraph-notes-title">
            <span data-notes-count>{countText(group.notes.length)}</span> on <a href={`#${group.paragraph}`}>{group.label}</a>
          </h2>
          {group.notes.map((note) => (
            <NoteCard key={note.id} note={note} slug={slug} />
          ))}
        </section>
      ))}
      <PlaceMarginNotes />
    </aside>
  );
}
