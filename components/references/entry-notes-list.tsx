import { notePermalink } from "@/components/notes/note-card";
import type { NoteView } from "@/lib/annotations/note-view";

/** The notes linked to an entry that the reader may see, each with a permalink that opens the letter at the note. */
export function EntryNotesList({ notes }: { notes: { note: NoteView; documentSlug: string }[] }) {
  return (
    <ul className="entry-notes">
      {notes.map(({ note, documentSlug }) => {
        const permalink = notePermalink(documentSlug, note.id);
        return (
          <li key={note.id}>
            <article className="note-card" aria-label={`Note by ${note.author.displayName}`}>
              <p className="note-meta">
                <span className="note-type">{note.referenceType}</span>
              </p>
              {note.quote ? (
                <p className="note-quote">
                  <q>{note.quote.exact}</q>
                </p>
              ) : null}
              {/* bodyHtml is rendered from Markdown and sanitized by lib/markdown; it is the only HTML we insert. */}
              <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
              <p className="note-byline">
                {note.author.displayName} · <time dateTime={note.createdAt}>{note.createdAt.slice(0, 10)}</time> ·{" "}
                <a href={permalink}>
                  Open in the letter<span className="visually-hidden"> (note by {note.author.displayName})</span>
                </a>
              </p>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
