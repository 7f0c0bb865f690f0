import type { FacetCount } from "@/lib/search/search-types";
import { searchHref } from "./search-href";

type Props = {
  slug: string;
  current: Record<string, string>;
  name: "referenceType" | "tag";
  title: string;
  counts: FacetCount[];
  label: (value: string) => string;
};

/** Counts of the matching notes by one facet; each value is a link that adds (or, when chosen, removes) its filter. */
export function SearchFacet({ slug, current, name, title, counts, label }: Props) {
  if (counts.length === 0) return null;
  const headingId = `facet-${name}`;
  return (
    <nav className="search-facet" aria-labelledby={headingId}>
      <h2 id={headingId} className="search-facet-title">
        {title}
      </h2>
      <ul>
        {counts.map((facet) => {
          const chosen = current[name] === facet.value;
          return (
            <li key={facet.value}>
              <a href={searchHref(slug, current, { [name]: chosen ? undefined : facet.value })} aria-current={chosen ? "true" : undefined}>
                {label(facet.value)}
                {chosen ? <span className="visually-hidden"> (chosen; remove this filter)</span> : null}
              </a>{" "}
              <span className="search-facet-count">
                {facet.count}
                <span className="visually-hidden"> {facet.count === 1 ? "note" : "notes"}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
