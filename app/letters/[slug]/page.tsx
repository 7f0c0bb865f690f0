import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { getNote } from "@/lib/annotations/note-operations";
import { countNotesByParagraph, listNotes } from "@/lib/annotations/list-notes";
import { listNotesPerParagraph } from "@/lib/annotations/list-notes-per-paragraph";
import { noteFilterOptions } from "@/lib/annotations/note-filter-options";
import { notesPageHref, parseNotesPageView, type NotesPageView } from "@/lib/annotations/notes-view-params";
import type { NoteView } from "@/lib/annotations/note-view";
import { listReferenceEntries } from "@/lib/references/reference-queries";
import type { Actor } from "@/lib/authz/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { listMyGroups } from "@/lib/groups/group-queries";
import { EditionHeader } from "@/components/reading/edition-header";
import { EditionBody } from "@/components/reading/edition-body";
import { Colophon } from "@/components/reading/colophon";
import { ReadingActions } from "@/components/reading/reading-actions";
import { citationFacts } from "@/components/reading/citation-facts";
import { blockLabel } from "@/components/reading/block-label";
import { MarginNotesEnhancements, ParagraphNotesSection, type ParagraphNotes } from "@/components/notes/margin-notes";
import { NotesFilterBar } from "@/components/notes/notes-filter-bar";
import { LazyNoteComposer } from "@/components/notes/lazy-note-composer";
import { OrphanedNotes } from "@/components/notes/orphaned-notes";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { LazyCorrectionTool } from "@/components/corrections/lazy-correction-tool";
import { can } from "@/lib/authz/can";
import { AssignmentNotice } from "@/components/teaching/assignment-notice";
import { systemClock } from "@/lib/auth/clock";
import { isRowId } from "@/lib/db/row-id";
import { findReadableAssignment } from "@/lib/teaching/assignment-queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
/** Notes shown beside each paragraph of the whole letter; the rest are a link away (that paragraph's notes, paged). */
const NOTES_PER_PARAGRAPH = 5;
/** Notes per page when one paragraph's notes are listed. */
const NOTES_PER_PAGE = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) return { title: "Not found" };
  return {
    title: `${edition.title} (${edition.author})`,
    description: `${edition.title}, ${edition.author}, ${edition.writtenText ?? ""} A reading edition with permanent paragraph anchors.`,
  };
}

/** Each paragraph with notes, by anchor: the notes shown and how many the reader may see there. */
function notesByParagraph(edition: ReadingEdition, notes: NoteView[], totals: Map<string, number>): Map<string, ParagraphNotes> {
  const groups = new Map<string, ParagraphNotes>();
  for (const paragraph of edition.paragraphs) {
    const anchor = paragraph.anchorId;
    if (!anchor) continue;
    // An orphan is never drawn beside a passage that merely looks like its own: OrphanedNotes lists it apart.
    const here = notes.filter((note) => note.paragraph === anchor && note.anchorStatus === "anchored");
    const total = Math.max(totals.get(anchor) ?? 0, here.length);
    if (total > 0) groups.set(anchor, { paragraph: anchor, label: blockLabel(paragraph), notes: here, total });
  }
  return groups;
}

/** The note a permalink opens, added to the page when the current page or filters would not show it. */
async function openedNote(actor: Actor, noteId: string | undefined, shown: NoteView[]): Promise<NoteView | null> {
  if (!noteId || shown.some((note) => note.id === noteId)) return null;
  try {
    const note = await getNote(prisma(), actor, noteId);
    return note.threadId === null ? note : null;
  } catch {
    return null; // not there, or not for this reader: the page says so
  }
}

async function readerData(actor: Actor, slug: string, view: NotesPageView) {
  const filters = { paragraph: view.paragraph, referenceType: view.referenceType, tag: view.tag, author: view.author, group: view.group, visibility: view.visibility, entry: view.entry };
  // The whole letter: the first few notes of every paragraph. One paragraph: all of its notes, a page at a time.
  const notesShown = view.paragraph
    ? listNotes(prisma(), actor, slug, { ...filters, sort: view.sort, cursor: view.cursor, limit: NOTES_PER_PAGE }).catch(() =>
        // A stale or foreign cursor in a shared URL: show the first page rather than an error.
        listNotes(prisma(), actor, slug, { ...filters, sort: view.sort, limit: NOTES_PER_PAGE }),
      )
    : listNotesPerParagraph(prisma(), actor, slug, filters, view.sort, NOTES_PER_PARAGRAPH).then((notes) => ({ notes, nextCursor: null }));
  const [page, totals, options, groups, entryGroups, orphans] = await Promise.all([
    notesShown,
    countNotesByParagraph(prisma(), actor, slug, filters),
    noteFilterOptions(prisma(), actor, slug),
    listMyGroups(prisma(), actor),
    listReferenceEntries(prisma(), actor),
    listOrphanedNotes(prisma(), actor, slug),
  ]);
  const opened = await openedNote(actor, view.note, page.notes);
  return {
    orphans,
    notes: opened ? [...page.notes, opened] : page.notes,
    nextCursor: page.nextCursor,
    totals,
    options,
    openMissing: Boolean(view.note) && !opened && !page.notes.some((note) => note.id === view.note),
    groups: groups.map((group) => ({ id: group.id, name: group.name, role: group.role })),
    entries: entryGroups.flatMap((group) => group.entries).map((entry) => ({ id: entry.id, name: entry.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export default async function LetterPage({ params, searchParams }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const actor = await currentActor();
  const query = await searchParams;
  const view = parseNotesPageView(query);
  // Opened from an assignment: shown only to those who may read it; anything else in the parameter is ignored.
  const assignmentParam = Array.isArray(query.assignment) ? query.assignment[0] : query.assignment;
  const assignment = assignmentParam && isRowId(assignmentParam) ? await findReadableAssignment(prisma(), actor, assignmentParam, systemClock) : null;
  const { notes, nextCursor, totals, options, openMissing, groups, entries, orphans } = await readerData(actor, slug, view);
  const shown = [...totals.values()].reduce((sum, count) => sum + count, 0);
  const margin = notesByParagraph(edition, notes, totals);
  return (
    <main id="main" className="reading">
      <article className="edition" aria-labelledby="edition-title">
        <EditionHeader edition={edition} />
        {actor.kind === "user" ? null : (
          <p className="annotate-sign-in">
            <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/letters/${slug}`)}`}>Sign in to annotate</a>
          </p>
        )}
        <NotesFilterBar slug={slug} view={view} options={options} groups={groups} entries={entries} shown={shown} signedIn={actor.kind === "user"} />
        {openMissing ? (
          <p className="notes-notice" role="status">
            The note this link points to is not there, or not visible to you{actor.kind === "user" ? "" : " (it may be visible once you sign in)"}.
          </p>
        ) : null}
        {view.ignored.length ? <p className="notes-notice">Ignored parts of the address that are not valid: {view.ignored.join(", ")}.</p> : null}
        {assignment ? <AssignmentNotice assignment={assignment} /> : null}
        <EditionBody
          edition={edition}
          notesFor={(anchor) => {
            const group = margin.get(anchor);
            return group ? (
              <ParagraphNotesSection
                group={group}
                slug={slug}
                viewerId={actor.kind === "user" ? actor.id : null}
                openNoteId={view.note ?? null}
                moreHref={notesPageHref(slug, view, { paragraph: anchor, cursor: undefined }, `#notes-${anchor}`)}
              />
            ) : null;
          }}
        />
        <MarginNotesEnhancements openNoteId={view.note ?? null} />
        {nextCursor ? (
          <p className="notes-next-page">
            <a href={notesPageHref(slug, view, { cursor: nextCursor })}>Next {NOTES_PER_PAGE} notes</a>
          </p>
        ) : null}
        <OrphanedNotes notes={orphans} edition={edition} viewerId={actor.kind === "user" ? actor.id : null} />
        <Colophon edition={edition} />
      </article>
      <ReadingActions facts={citationFacts(edition)} />
      {actor.kind === "user" ? (
        <LazyNoteComposer
          slug={slug}
          groups={groups}
          assignment={assignment?.mayWork ? { id: assignment.id, title: assignment.title, groupId: assignment.group.id, groupName: assignment.group.name } : undefined}
        />
      ) : null}
      {can(actor, "paragraph:correct", { type: "document" }) ? <LazyCorrectionTool slug={slug} /> : null}
    </main>
  );
}
