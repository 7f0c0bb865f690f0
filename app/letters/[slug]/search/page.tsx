import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/prisma";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import { AppError } from "@/lib/errors/app-error";
import { searchNotes } from "@/lib/search/search-notes";
import { SEARCH_PARAM_NAMES, parseSearchQuery } from "@/lib/search/search-schemas";
import type { SearchPage } from "@/lib/search/search-types";
import { blockLabel } from "@/components/reading/block-label";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import { SearchFacet } from "@/components/search/search-facets";
import { SearchForm } from "@/components/search/search-form";
import { searchHref } from "@/components/search/search-href";
import { SearchResults } from "@/components/search/search-results";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  return { title: edition ? `Search notes on ${edition.title}` : "Not found" };
}

/** Only the parameters search knows, one value each (the last, as the JSON API reads them). */
function knownParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const known: Record<string, string> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const value = raw[name];
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined && last !== "") known[name] = last;
  }
  return known;
}

const typeLabel = (type: string) => REFERENCE_TYPE_LABELS[type as keyof typeof REFERENCE_TYPE_LABELS] ?? type;

function countText(page: SearchPage): string {
  if (page.total === 0) return "No notes match this search.";
  const notes = page.total === 1 ? "1 note matches" : `${page.total} notes match`;
  return page.total > page.results.length ? `${notes}; showing ${page.results.length}, best first.` : `${notes}, best first.`;
}

export default async function SearchNotesPage({ params, searchParams }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const ctx = await currentRequestContext();
  const { actor } = ctx;
  const current = knownParams(await searchParams);
  const groups = ctx.groups.map((group) => ({ id: group.id, name: group.name }));

  let page: SearchPage | null = null;
  let errors: Record<string, string[]> = {};
  if (Object.keys(current).length > 0) {
    try {
      page = await searchNotes(prisma(), ctx, { id: edition.id, slug: edition.slug }, parseSearchQuery(new URLSearchParams(current)));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "bad_request")) throw error;
      errors = error.details.fields ?? { _: [error.message] };
    }
  }
  // Filters alone (no words yet) are kept in the form, but are not an error to show.
  if (!current.q?.trim()) errors = Object.fromEntries(Object.entries(errors).filter(([field]) => field !== "q"));

  const labels = new Map(edition.paragraphs.filter((paragraph) => paragraph.anchorId).map((paragraph) => [paragraph.anchorId!, blockLabel(paragraph)]));
  const paragraphLabel = (anchor: string) => labels.get(anchor) ?? anchor;
  const tags = [...new Set([...(page?.facets.tag.map((facet) => facet.value) ?? []), ...(current.tag ? [current.tag] : [])])];

  return (
    <main id="main" className="page search-page">
      <p className="search-back">
        <a href={`/letters/${slug}`}>← {edition.title}</a>
      </p>
      <h1>Search notes</h1>
      <SearchForm slug={slug} current={current} errors={errors} groups={groups} tags={tags} signedIn={actor.kind === "user"} />
      {page ? (
        <div className="search-layout">
          <div className="search-main">
            <p role="status" className="search-count">
              {countText(page)}
            </p>
            <SearchResults results={page.results} typeLabel={typeLabel} paragraphLabel={paragraphLabel} />
            {page.nextCursor || current.cursor ? (
              <nav className="search-pages" aria-label="More results">
                {current.cursor ? <a href={searchHref(slug, current, {})}>First results</a> : null}
                {page.nextCursor ? <a href={searchHref(slug, current, { cursor: page.nextCursor })}>Next results</a> : null}
              </nav>
            ) : null}
          </div>
          <aside className="search-facets" aria-label="Refine by">
            <SearchFacet slug={slug} current={current} name="referenceType" title="Reference type" counts={page.facets.referenceType} label={typeLabel} />
            <SearchFacet slug={slug} current={current} name="tag" title="Tags" counts={page.facets.tag} label={(tag) => tag} />
          </aside>
        </div>
      ) : (
        <p role="status" className="search-count">
          {Object.keys(errors).length
            ? "Correct the search above."
            : `Search the readers’ notes and replies on this letter: ${actor.kind === "user" ? "your own, your groups’ and the public ones" : "the public ones (sign in to search your own and your groups’ too)"}. Results come best match first, with the matching words highlighted and a link to each note in the letter.`}
        </p>
      )}
    </main>
  );
}
