import type { Clock } from "../auth/clock";
import { AppError } from "../errors/app-error";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { readingEdition } from "../documents/reading-edition-cache";
import type { ReadingEdition } from "../documents/reading-edition";
import { countNotesByParagraph, listNotes } from "../annotations/list-notes";
import { notesPerParagraph } from "../annotations/list-notes-per-paragraph";
import { noteFilterOptions, type NoteFilterOptions } from "../annotations/note-filter-options";
import { getNote } from "../annotations/note-operations";
import type { NotesPageView } from "../annotations/notes-view-params";
import type { NoteView } from "../annotations/note-view";
import { listOrphanedNotes } from "../annotations/orphaned-notes";
import { listReferenceEntries } from "../references/reference-queries";
import type { RequestContext } from "../request/request-context";
import { findReadableAssignment } from "../teaching/assignment-queries";
import { feedbackForNotes } from "../teaching/feedback-operations";
import type { FeedbackState } from "../teaching/feedback-schemas";

/** Notes shown beside each paragraph of the whole letter; the rest are a link away (that paragraph's notes, paged). */
export const NOTES_PER_PARAGRAPH = 5;
/** Notes per page when one paragraph's notes are listed. */
export const NOTES_PER_PAGE = 100;

export type LetterPage = {
  edition: ReadingEdition;
  notes: NoteView[];
  nextCursor: string | null;
  /** Anchor → how many notes the reader may see beside that paragraph under the filters. */
  totals: Map<string, number>;
  options: NoteFilterOptions;
  /** A permalink named a note that is not there or not for this reader. */
  openMissing: boolean;
  groups: { id: string; name: string; role: string }[];
  entries: { id: string; name: string }[];
  orphans: NoteView[];
  assignment: Awaited<ReturnType<typeof findReadableAssignment>>;
  /** Private feedback on the shown assignment notes, for their student and the class's teachers. */
  feedback: Map<string, FeedbackState>;
};

/**
 * Everything the letter's page shows, for one reader, from the request's context (built once, never again here)
 * and the document looked up once: the edition (this process's copy when current), the margin's notes with their
 * per-paragraph totals, the filter options, the index entries, the orphans, the feedback on shown notes — each one
 * statement, most side by side. Null when there is no such letter.
 */
export async function loadLetterPage(
  prisma: PrismaClient,
  ctx: RequestContext,
  slug: string,
  view: NotesPageView,
  options: { assignmentId?: string; clock: Clock },
): Promise<LetterPage | null> {
  const edition = await readingEdition(prisma, slug);
  if (!edition) return null;
  const document = { id: edition.id, slug: edition.slug };
  const filters = { paragraph: view.paragraph, referenceType: view.referenceType, tag: view.tag, author: view.author, group: view.group, visibility: view.visibility, entry: view.entry };
  // The whole letter: the first few notes of every paragraph, with their totals in the same statement. One paragraph:
  // all of its notes, a page at a time, and the counts beside.
  const shown = view.paragraph
    ? Promise.all([
        listNotes(prisma, ctx, document, { ...filters, sort: view.sort, cursor: view.cursor, limit: NOTES_PER_PAGE }).catch(() =>
          // A stale or foreign cursor in a shared URL: show the first page rather than an error.
          listNotes(prisma, ctx, document, { ...filters, sort: view.sort, limit: NOTES_PER_PAGE }),
        ),
        countNotesByParagraph(prisma, ctx, document, filters),
      ]).then(([page, totals]) => ({ ...page, totals }))
    : notesPerParagraph(prisma, ctx, document, filters, view.sort, NOTES_PER_PARAGRAPH).then(({ notes, totals }) => ({ notes, totals, nextCursor: null }));
  const assignmentId = options.assignmentId && isRowId(options.assignmentId) ? options.assignmentId : undefined;
  const [page, filterOptions, entryGroups, orphans, assignment] = await Promise.all([
    shown,
    noteFilterOptions(prisma, ctx, document),
    listReferenceEntries(prisma, ctx.actor),
    listOrphanedNotes(prisma, ctx, document),
    assignmentId ? findReadableAssignment(prisma, ctx.actor, assignmentId, options.clock) : Promise.resolve(null),
  ]);
  const opened = await openedNote(prisma, ctx, view.note, page.notes);
  const notes = opened ? [...page.notes, opened] : page.notes;
  return {
    edition,
    notes,
    nextCursor: page.nextCursor,
    totals: page.totals,
    options: filterOptions,
    openMissing: Boolean(view.note) && !opened && !page.notes.some((note) => note.id === view.note),
    groups: ctx.groups.map((group) => ({ id: group.id, name: group.name, role: group.role })),
    entries: entryGroups.flatMap((group) => group.entries).map((entry) => ({ id: entry.id, name: entry.name })).sort((a, b) => a.name.localeCompare(b.name)),
    orphans,
    assignment,
    feedback: ctx.actor.kind === "user" ? await feedbackForNotes(prisma, ctx, [...notes, ...orphans]) : new Map(),
  };
}

/** The note a permalink opens, added to the page when the current page or filters would not show it. */
async function openedNote(prisma: PrismaClient, ctx: RequestContext, noteId: string | undefined, shown: NoteView[]): Promise<NoteView | null> {
  if (!noteId || shown.some((note) => note.id === noteId)) return null;
  try {
    const note = await getNote(prisma, ctx, noteId);
    return note.threadId === null ? note : null;
  } catch (error) {
    // Not there, or not for this reader: the page says so. Anything else is a fault, not a missing note.
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
