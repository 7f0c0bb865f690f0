import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache as perRequest } from "react";
import { EntryNotesList } from "@/components/references/entry-notes-list";
import { MentionPassagesList } from "@/components/references/mention-passages-list";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import { prisma } from "@/lib/db/prisma";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { AppError } from "@/lib/errors/app-error";
import { getReferenceEntry, MAX_ENTRY_NOTES } from "@/lib/references/reference-queries";
import { loadLetterText } from "../load-letter-text";

type Props = { params: Promise<{ id: string }> };

/** The entry, once per request for both the metadata and the page; null when the index has no such entry. */
const loadEntry = perRequest(async function loadEntry(id: string) {
  const [ctx, letter] = await Promise.all([currentRequestContext(), loadLetterText()]);
  try {
    return { letter, page: await getReferenceEntry(prisma(), ctx, id, letter) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const loaded = await loadEntry(id);
  if (!loaded) return { title: "Not found" };
  const { entry } = loaded.page;
  return { title: `${entry.name} · Reference index`, description: entry.description };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export default async function ReferenceEntryPage({ params }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { id } = await params;
  const loaded = await loadEntry(id);
  if (!loaded) notFound();
  const { letter, page } = loaded;
  const { entry, identifierLinks, passages, notes, noteCount } = page;
  const mentionTotal = passages.reduce((sum, passage) => sum + passage.mentions.length, 0);
  return (
    <main id="main" className="page reference-entry">
      <p className="muted">
        <Link href="/references">Reference index</Link> · {REFERENCE_TYPE_LABELS[entry.type]}
      </p>
      <h1>{entry.name}</h1>
      {entry.dates ? <p className="reference-dates">{entry.dates}</p> : null}
      <p>{entry.description}</p>

      <section aria-labelledby="spellings-title">
        <h2 id="spellings-title">Spellings</h2>
        <ul className="reference-aliases">
          {entry.aliases.map((alias) => (
            <li key={alias.text}>
              <span>{alias.text}</span>
              {alias.spelling === "letter" ? <span className="alias-badge">as in the letter</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="identifiers-title">
        <h2 id="identifiers-title">Authority identifiers</h2>
        {identifierLinks.length ? (
          <ul className="reference-identifiers">
            {identifierLinks.map((link) => (
              <li key={link.scheme}>
                {link.label}:{" "}
                <a href={link.url} rel="noopener noreferrer">
                  {link.id}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No authority identifiers recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="mentions-title">
        <h2 id="mentions-title">Mentions in the letter</h2>
        {!letter ? (
          <p className="muted">The letter has not been imported yet.</p>
        ) : passages.length ? (
          <>
            <p className="muted">
              {plural(mentionTotal, "mention", "mentions")} in {plural(passages.length, "passage", "passages")}.
            </p>
            <MentionPassagesList passages={passages} letterSlug={letter.slug} />
          </>
        ) : (
          <p className="muted">The letter does not name it under these spellings.</p>
        )}
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Notes on this entry</h2>
        {notes.length ? (
          <>
            {noteCount > notes.length ? (
              <p className="muted">
                The {MAX_ENTRY_NOTES} newest of {noteCount} notes.
              </p>
            ) : null}
            <EntryNotesList notes={notes} />
          </>
        ) : (
          <p className="muted">No notes that you may see are linked to this entry yet.</p>
        )}
      </section>
    </main>
  );
}
