import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache as perRequest } from "react";
import { EntryNotesList } from "@/components/references/entry-notes-list";
import { orcidUrl } from "@/lib/accounts/orcid";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { getPublicPerson, MAX_PERSON_NOTES } from "@/lib/people/public-person";

type Props = { params: Promise<{ userId: string }> };

const loadPerson = perRequest(async (userId: string) => {
  try {
    return await getPublicPerson(prisma(), userId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await loadPerson((await params).userId);
  return { title: person ? `${person.displayName} · People` : "Not found" };
}

/** A person's public page: the W3C creator IRI of their annotations. */
export default async function PersonPage({ params }: Props) {
  await connection();
  const person = await loadPerson((await params).userId);
  if (!person) notFound();
  return (
    <main id="main" className="page person-page">
      <h1>{person.displayName}</h1>
      {person.affiliation || person.orcid ? (
        <dl className="person-facts">
          {person.affiliation ? (
            <>
              <dt>Affiliation</dt>
              <dd>{person.affiliation}</dd>
            </>
          ) : null}
          {person.orcid ? (
            <>
              <dt>ORCID iD</dt>
              <dd>
                <a href={orcidUrl(person.orcid)}>{orcidUrl(person.orcid)}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <section aria-labelledby="person-notes-title">
        <h2 id="person-notes-title">Public notes</h2>
        {person.noteCount === 0 ? (
          <p>No public notes yet.</p>
        ) : (
          <>
            <p className="muted">
              {person.noteCount === 1 ? "1 public note" : `${person.noteCount.toLocaleString("en")} public notes`}, newest first
              {person.noteCount > MAX_PERSON_NOTES ? ` (the latest ${MAX_PERSON_NOTES} shown)` : ""}.
            </p>
            <EntryNotesList notes={person.notes} />
          </>
        )}
      </section>
    </main>
  );
}
