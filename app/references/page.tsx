import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { REFERENCE_TYPE_HEADINGS } from "@/components/references/reference-type-labels";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { countLetterMentions, listReferenceEntries } from "@/lib/references/reference-queries";
import { loadLetterText } from "./load-letter-text";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: "Reference index",
    description: "The people, bodies, places, events, works, laws and ideas that Trotsky’s Reply to Stalin names, with their mentions in the letter.",
  };
}

function mentionCount(count: number): string {
  if (count === 0) return "not named in the letter under these spellings";
  return `${count} mention${count === 1 ? "" : "s"} in the letter`;
}

export default async function ReferenceIndexPage() {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const actor = await currentActor();
  const [groups, letter] = await Promise.all([listReferenceEntries(prisma(), actor), loadLetterText()]);
  const counts = letter ? countLetterMentions(groups, letter) : new Map<string, number>();
  return (
    <main id="main" className="page reference-index">
      <h1>Reference index</h1>
      <p>
        The people, bodies, places, events, works, laws and ideas that the letter names, each with the spellings under which it
        names them. An entry lists the passages that mention it and the readers’ notes about it.
      </p>
      <nav aria-label="Types of reference" className="reference-types">
        <ul>
          {groups.map((group) => (
            <li key={group.type}>
              <a href={`#type-${group.type}`}>{REFERENCE_TYPE_HEADINGS[group.type]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.type} aria-labelledby={`type-${group.type}`} className="reference-group">
          <h2 id={`type-${group.type}`}>{REFERENCE_TYPE_HEADINGS[group.type]}</h2>
          <ul className="reference-list">
            {group.entries.map((entry) => (
              <li key={entry.id}>
                <Link href={`/references/${entry.id}`}>{entry.name}</Link>
                {entry.dates ? <span className="reference-dates"> ({entry.dates})</span> : null}
                {letter ? <span className="reference-count"> · {mentionCount(counts.get(entry.id) ?? 0)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 ? <p className="muted">The index is empty.</p> : null}
    </main>
  );
}
