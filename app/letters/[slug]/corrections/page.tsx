import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DiffText } from "@/components/notes/diff-text";
import { blockLabel } from "@/components/reading/block-label";
import { diffWords } from "@/lib/annotations/word-diff";
import { currentActor } from "@/lib/auth/current-actor";
import { listCorrections } from "@/lib/corrections/paragraph-revisions";
import { prisma } from "@/lib/db/prisma";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";

type Props = { params: Promise<{ slug: string }> };

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) return { title: "Not found" };
  return { title: `Text history: ${edition.title}`, description: `Every correction of the text of ${edition.title} in this edition, with its reason.` };
}

/** Every recorded correction of the letter's text: part of a scholarly edition, so public. */
export default async function TextHistoryPage({ params }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time, and a correction shows at once.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const corrections = (await listCorrections(prisma(), await currentActor(), slug)) ?? [];
  const labels = new Map(edition.paragraphs.filter((paragraph) => paragraph.anchorId).map((paragraph) => [paragraph.anchorId!, blockLabel(paragraph)]));
  const labelOf = (anchor: string) => {
    const label = labels.get(anchor) ?? anchor;
    return label.charAt(0).toUpperCase() + label.slice(1);
  };
  return (
    <main id="main" className="page text-history">
      <p>
        <a href={`/letters/${slug}`}>{edition.title}</a>
      </p>
      <h1>Text history</h1>
      <p>
        The corrections the edition’s editors have made to the text imported from its source, newest first: what changed
        in the paragraph (removed words struck through, added words underlined), why, by whom and when. Notes whose words a
        correction removed are listed under the letter, in “Notes that lost their passage”.
      </p>
      {corrections.length === 0 ? (
        <p className="muted">No corrections have been recorded: the text is as imported from its source.</p>
      ) : (
        <ol className="text-history-list">
          {corrections.map((correction) => (
            <li key={correction.id}>
              <article className="panel text-history-entry" aria-labelledby={`correction-${correction.id}`}>
                <h2 id={`correction-${correction.id}`}>
                  <a href={`/letters/${slug}#${correction.paragraph}`}>{labelOf(correction.paragraph)}</a>
                  <span className="text-history-when">
                    {" "}
                    · <time dateTime={correction.createdAt}>{WHEN.format(new Date(correction.createdAt))} UTC</time>
                  </span>
                </h2>
                <dl className="text-history-facts">
                  <div>
                    <dt>Reason</dt>
                    <dd>{correction.reason}</dd>
                  </div>
                  <div>
                    <dt>Corrected by</dt>
                    <dd>{correction.actorLabel}</dd>
                  </div>
                </dl>
                <div className="correction-diff">
                  <DiffText parts={diffWords(correction.oldText, correction.newText)} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
