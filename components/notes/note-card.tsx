import type { NoteView } from "@/lib/annotations/note-view";
import type { FeedbackState } from "@/lib/teaching/feedback-schemas";
import { NoteFeedback } from "./note-feedback";
import { NoteThread } from "./note-thread";

/** Opens the letter with this note (and only the filters that keep it in view) at its place in the margin. */
export function notePermalink(slug: string, noteId: string): string {
  return `/letters/${slug}?note=${noteId}#note-${noteId}`;
}

const VISIBILITY_LABELS = { private: "Private", public: "Public", group: "Group" } as const;

function visibilityLabel(note: NoteView): string {
  return note.visibility === "group" && note.group ? `Group: ${note.group.name}` : VISIBILITY_LABELS[note.visibility];
}

/**
 * Why a note that is not published shows anyway, to whom it shows: its author (pending, or hidden with the reason)
 * and its moderators. Null for a published note.
 */
function moderationLine(note: NoteView, viewerId: string | null): string | null {
  if (note.deleted) return null;
  if (note.moderationStatus === "pending") {
    if (viewerId !== note.author.id) return "Waiting for review";
    // Who moderates it is the policy's moderatesNote: the site's reviewers for public items, the group's staff for group ones.
    return note.visibility === "group"
      ? `Waiting for review — only you and the moderators of ${note.group?.name ?? "the group"} can see this note`
      : "Waiting for review — only you and the reviewers can see this note";
  }
  if (note.moderationStatus === "hidden") return note.moderationReason ? `Hidden by a moderator: ${note.moderationReason}` : "Hidden by a moderator";
  if (note.moderationStatus === "spam") return "Marked as spam";
  return null;
}

/**
 * One reader's note. tabindex -1 lets a #note-<id> permalink focus it (use-hash-focus). The card reads without
 * JavaScript; NoteThread adds its replies, and Edit and Delete when `viewerId` is its author. A deleted note with
 * replies stays as a placeholder for its thread.
 */
export function NoteCard({
  note,
  slug,
  viewerId = null,
  open = false,
  feedback,
  place = "margin",
}: {
  note: NoteView;
  slug: string;
  viewerId?: string | null;
  open?: boolean;
  /** Private feedback on this note for this reader, from the page's data; absent when there is none for them. */
  feedback?: FeedbackState;
  /**
   * "panel": the same note listed again in the notes panel, with ids of its own and no passage to draw (the margin's
   * card owns the note's permalink target and its highlight).
   */
  place?: "margin" | "panel";
}) {
  const created = new Date(note.createdAt);
  const status = moderationLine(note, viewerId);
  const drawn = place === "margin" && note.position && note.anchorStatus === "anchored";
  return (
    <article
      id={place === "margin" ? `note-${note.id}` : `panel-note-${note.id}`}
      tabIndex={-1}
      className="note-card"
      aria-label={note.deleted ? "Deleted note" : `Note by ${note.author.displayName}`}
      data-note-id={note.id}
      data-paragraph={note.paragraph}
      // Where NoteHighlights draws the passage; orphaned notes have no place in the text.
      data-start={drawn ? note.position!.start : undefined}
      data-end={drawn ? note.position!.end : undefined}
      // The margin layout never folds away the note a permalink opened.
      data-open={open ? "" : undefined}
    >
      <p className="note-meta">
        <span className="note-type">{note.referenceType}</span>{" "}
        <span className={`note-visibility note-visibility--${note.visibility}`}>{visibilityLabel(note)}</span>
      </p>
      {status ? (
        <p role="note" className={`note-status note-status--${note.moderationStatus}`}>
          {status}
        </p>
      ) : null}
      {note.referenceEntry ? <p className="note-entry">Index entry: <a href={`/references/${note.referenceEntry.id}`}>{note.referenceEntry.name}</a></p> : null}
      {note.quote ? (
        <p className="note-quote">
          <q>{note.quote.exact}</q>
        </p>
      ) : null}
      {note.deleted ? (
        <p className="note-deleted">This note was deleted.</p>
      ) : (
        // bodyHtml is rendered from Markdown and sanitized by lib/markdown; it is the only HTML we insert.
        <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
      )}
      {note.attribution && !note.deleted ? <p className="note-attribution">{note.attribution}</p> : null}
      <p className="note-byline">
        {note.deleted ? null : (
          <>
            <a href={`/people/${note.author.id}`} className="note-author">
              {note.author.displayName}
            </a>{" "}
            ·{" "}
          </>
        )}
        <time dateTime={note.createdAt}>{created.toISOString().slice(0, 10)}</time> ·{" "}
        <a href={notePermalink(slug, note.id)}>
          Permalink<span className="visually-hidden"> to this note</span>
        </a>
        {note.deleted ? null : (
          <>
            {" "}
            ·{" "}
            <button
              type="button"
              className="link-button"
              data-action="cite-note"
              data-anchor={note.paragraph}
              data-label={`the note by ${note.author.displayName}`}
              data-note={note.id}
              data-author={note.author.displayName}
              data-written={note.createdAt.slice(0, 10)}
            >
              Cite<span className="visually-hidden"> this note</span>
            </button>
          </>
        )}
      </p>
      {/* Private feedback: the page's data holds it for the note's student and the class's teachers only. */}
      {feedback ? <NoteFeedback noteId={note.id} initial={feedback} /> : null}
      <NoteThread note={note} viewerId={viewerId} initiallyOpen={open} signInHref={`/sign-in?callbackUrl=${encodeURIComponent(notePermalink(slug, note.id))}`} />
    </article>
  );
}
