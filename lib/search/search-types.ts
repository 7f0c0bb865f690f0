/** One search hit as a reader receives it (JSON API and the search page). */
export type SearchResult = {
  id: string;
  /** For a reply, the note that opened its thread (its permalink opens that thread); null for a note. */
  threadId: string | null;
  paragraph: string;
  referenceType: string;
  visibility: "private" | "group" | "public";
  group: { id: string; name: string } | null;
  author: { id: string; displayName: string };
  tags: string[];
  createdAt: string;
  /** Escaped plain text of the body around the matches, with <mark> around them: safe to insert as HTML. */
  snippetHtml: string;
  /** The annotated passage, escaped, with matches marked; null for a whole-paragraph note. */
  quoteHtml: string | null;
  rank: number;
  permalink: string;
};

export type FacetCount = { value: string; count: number };

export type SearchPage = {
  results: SearchResult[];
  /** Each facet counts the visible matches under every filter except its own (so other values stay choosable). */
  facets: { referenceType: FacetCount[]; tag: FacetCount[] };
  total: number;
  nextCursor: string | null;
};
