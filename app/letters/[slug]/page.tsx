import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { notesPageHref, parseNotesPageView, type NotesPageView } from "@/lib/annotations/notes-view-params";
import type { NoteView } from "@/lib/annotations/note-view";
import { prisma } from "@/lib/db/prisma";
import { loadLetterPage, NOTES_PER_PAGE } from "@/lib/reading/load-letter-page";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { EditionHeader } from "@/components/reading/edition-header";
import { EditionBody } from "@/components/reading/edition-body";
import { Colophon } from "@/components/reading/colophon";
import { ReadingActions } from "@/components/reading/reading-actions";
import { citationFacts } from "@/lib/citation/citation-facts";
import { jsonLdText, letterJsonLd, letterMetaTags, noteJsonLd, noteMetaTags } from "@/lib/citation/citation-metadata";
import { publicNoteCitation } from "@/lib/citation/public-note-citation";
import { publicOrigin } from "@/lib/http/public-origin";
import { blockLabel } from "@/components/reading/block-label";
import { MarginNotesEnhancements, ParagraphNotesSection, type ParagraphNotes } from "@/components/notes/margin-notes";
import { MarginLayoutScript, NotesModeScript } from "@/components/notes/reading-scripts";
import { NotesViewControls } from "@/components/notes/notes-view-controls";
import { NotesPanel } from "@/components/notes/notes-panel";
import { NotesFilterBar } from "@/components/notes/notes-filter-bar";
import { LazyNoteComposer } from "@/components/notes/lazy-note-composer";
import { OrphanedNotes } from "@/components/notes/orphaned-notes";
import { LazyCorrectionTool } from "@/components/corrections/lazy-correction-tool";
import { can } from "@/lib/authz/can";
import { AssignmentNotice } from "@/components/teaching/assignment-notice";
import { systemClock } from "@/lib/auth/clock";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) return { title: "Not found" };
  // Highwire Press and Dublin Core tags for reference managers (Zotero): the letter's, or a public note's on its permalink.
  const note = await citedNote(edition, (await searchParams).note);
  return {
    title: `${edition.title} (${edition.author})`,
    description: `${edition.title}, ${edition.author}, ${edition.writtenText ?? ""} A reading edition with permanent paragraph anchors.`,
    other: note ? noteMetaTags(note) : letterMetaTags(citationFacts(edition), letterUrl(edition), edition.sourceUrl),
  };
}

const letterUrl = (edition: ReadingEdition) => `${publicOrigin()}/letters/${edition.slug}`;
/** The public note a permalink names, once per request for the metadata and the page's JSON-LD. */
const publicNoteOnce = cache(async (slug: string, noteId: string) => {
  const edition = await getReadingEdition(slug);
  return edition ? publicNoteCitation(prisma(), edition, noteId, publicOrigin()) : null;
});
const citedNote = (edition: ReadingEdition, note: string | string[] | undefined) => (typeof note === "string" ? publicNoteOnce(edition.slug, note) : Promise.resolve(null));

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

export default async function LetterPage({ params, searchParams }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const ctx = await currentRequestContext();
  const { actor } = ctx;
  const query = await searchParams;
  const view = parseNotesPageView(query);
  // Opened from an assignment: shown only to those who may read it; anything else in the parameter is ignored.
  const assignmentParam = Array.isArray(query.assignment) ? query.assignment[0] : query.assignment;
  const page = await loadLetterPage(prisma(), ctx, slug, view, { assignmentId: assignmentParam, clock: systemClock });
  if (!page) notFound();
  const { notes, nextCursor, totals, options, openMissing, groups, entries, orphans, assignment, feedback } = page;
  const shown = [...totals.values()].reduce((sum, count) => sum + count, 0);
  const margin = notesByParagraph(edition, notes, totals);
  // `?notes=off` hides the notes for readers without JavaScript too; with it, NotesModeScript decides before paint.
  const notesParam = Array.isArray(query.notes) ? query.notes[0] : query.notes;
  const viewerId = actor.kind === "user" ? actor.id : null;
  const citedNoteData = await citedNote(edition, query.note);
  return (
    <main id="main" className="reading" data-notes={notesParam === "off" ? "off" : undefined}>
      <NotesModeScript />
      <article className="edition" aria-labelledby="edition-title">
        <EditionHeader edition={edition} />
        {actor.kind === "user" ? null : (
          <p className="annotate-sign-in">
            <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/letters/${slug}`)}`}>Sign in to annotate</a>
          </p>
        )}
        <NotesViewControls />
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
                viewerId={viewerId}
                openNoteId={view.note ?? null}
                feedback={feedback}
                moreHref={notesPageHref(slug, view, { paragraph: anchor, cursor: undefined }, `#notes-${anchor}`)}
              />
            ) : null;
          }}
        />
        <MarginLayoutScript />
        <MarginNotesEnhancements openNoteId={view.note ?? null} />
        {nextCursor ? (
          <p className="notes-next-page">
            <a href={notesPageHref(slug, view, { cursor: nextCursor })}>Next {NOTES_PER_PAGE} notes</a>
          </p>
        ) : null}
        <OrphanedNotes notes={orphans} edition={edition} viewerId={viewerId} feedback={feedback} />
        <Colophon edition={edition} reader={{ signedIn: actor.kind === "user", groups: ctx.groups }} />
      </article>
      <NotesPanel
        slug={slug}
        viewerId={viewerId}
        view={{ sort: view.sort, referenceType: view.referenceType, entry: view.entry, tag: view.tag, author: view.author, group: view.group, visibility: view.visibility, paragraph: view.paragraph }}
      />
      <ReadingActions facts={citationFacts(edition)} />
      <script
        type="application/ld+json"
        // Escaped by jsonLdText: no value (a display name with "</script>") can end the element.
        dangerouslySetInnerHTML={{ __html: jsonLdText(citedNoteData ? noteJsonLd(citedNoteData, letterUrl(edition)) : letterJsonLd(citationFacts(edition), letterUrl(edition), edition.sourceUrl)) }}
      />
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
