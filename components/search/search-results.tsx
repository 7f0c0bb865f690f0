import type { SearchResult } from "@/lib/search/search-types";

const VISIBILITY_LABELS = { private: "Private", public: "Public", group: "Group" } as const;

function visibilityLabel(result: SearchResult): string {
  return result.visibility === "group" && result.group ? `Group: ${result.group.name}` : VISIBILITY_LABELS[result.visibility];
}

/** The hits, best first. Snippets are escaped by lib/search (only <mark> is markup), so they are inserted as HTML. */
export function SearchResults({
  results,
  typeLabel,
  paragraphLabel,
}: {
  results: SearchResult[];
  typeLabel: (type: string) => string;
  paragraphLabel: (anchor: string) => string;
}) {
  return (
    <ol className="search-results">
      {results.map((result) => (
        <li key={result.id} className="search-result">
          <p className="note-meta">
            <span className="note-type">{typeLabel(result.referenceType)}</span>{" "}
            <span className={`note-visibility note-visibility--${result.visibility}`}>{visibilityLabel(result)}</span>
            {result.threadId ? <span className="search-result-kind"> · Reply</span> : null}
          </p>
          {result.quoteHtml ? (
            <p className="note-quote">
              <q dangerouslySetInnerHTML={{ __html: result.quoteHtml }} />
            </p>
          ) : null}
          <p className="search-snippet" dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
          <p className="note-byline">
            {result.author.displayName} · <time dateTime={result.createdAt}>{result.createdAt.slice(0, 10)}</time> ·{" "}
            {paragraphLabel(result.paragraph)} ·{" "}
            <a href={result.permalink}>
              Open in the letter<span className="visually-hidden">: {result.threadId ? "reply" : "note"} by {result.author.displayName}</span>
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}
