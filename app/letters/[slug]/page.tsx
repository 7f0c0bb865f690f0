import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { groupNotesByParagraph } from "@/lib/annotations/group-notes-by-paragraph";
import { listNotes } from "@/lib/annotations/note-operations";
import { ZNoteListQuery } from "@/lib/annotations/note-schemas";
import type { NoteView } from "@/lib/annotations/note-view";
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
import { MarginNotes, type ParagraphNotes } from "@/components/notes/margin-notes";
import { LazyNoteComposer } from "@/components/notes/lazy-note-composer";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) return { title: "Not found" };
  return {
    title: `${edition.title} (${edition.author})`,
    description: `${edition.title}, ${edition.author}, ${edition.writtenText ?? ""} A reading edition with permanent paragraph anchors.`,
  };
}

/** The reader's notes grouped by paragraph in reading order, each group named as its paragraph's tools name it. */
function notesByParagraph(edition: ReadingEdition, notes: NoteView[]): ParagraphNotes[] {
  const anchored = edition.paragraphs.filter((paragraph) => paragraph.anchorId);
  const labels = new Map(anchored.map((paragraph) => [paragraph.anchorId!, blockLabel(paragraph)]));
  return groupNotesByParagraph(
    notes,
    anchored.map((paragraph) => paragraph.anchorId!),
  ).map((group) => ({ ...group, label: labels.get(group.paragraph)! }));
}

async function readerData(actor: Actor, slug: string) {
  // One page of notes is enough for now: the letter has few; pagination comes with the notes sidebar.
  const [{ notes }, groups] = await Promise.all([
    listNotes(prisma(), actor, slug, ZNoteListQuery.parse({ limit: 100 })),
    listMyGroups(prisma(), actor),
  ]);
  return { notes, groups: groups.map((group) => ({ id: group.id, name: group.name })) };
}

export default async function LetterPage({ params }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const actor = await currentActor();
  const { notes, groups } = await readerData(actor, slug);
  return (
    <main id="main" className="reading">
      <article className="edition" aria-labelledby="edition-title">
        <EditionHeader edition={edition} />
        {actor.kind === "user" ? null : (
          <p className="annotate-sign-in">
            <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/letters/${slug}`)}`}>Sign in to annotate</a>
          </p>
        )}
        <EditionBody edition={edition} />
        <MarginNotes groups={notesByParagraph(edition, notes)} slug={slug} />
        <Colophon edition={edition} />
      </article>
      <ReadingActions facts={citationFacts(edition)} />
      {actor.kind === "user" ? <LazyNoteComposer slug={slug} groups={groups} /> : null}
    </main>
  );
}
