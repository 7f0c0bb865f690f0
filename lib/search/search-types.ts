import { z } from "zod";

/** One search hit as a reader receives it (JSON API and the search page). */
export const ZSearchResult = z.strictObject({
  id: z.uuid(),
  /** For a reply, the note that opened its thread (its permalink opens that thread); null for a note. */
  threadId: z.uuid().nullable(),
  paragraph: z.string(),
  referenceType: z.string(),
  visibility: z.enum(["private", "group", "public"]),
  group: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  author: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  tags: z.array(z.string()),
  createdAt: z.iso.datetime(),
  /** Escaped plain text of the body around the matches, with <mark> around them: safe to insert as HTML. */
  snippetHtml: z.string(),
  /** The annotated passage, escaped, with matches marked; null for a whole-paragraph note. */
  quoteHtml: z.string().nullable(),
  rank: z.number(),
  permalink: z.string(),
});
export type SearchResult = z.infer<typeof ZSearchResult>;

export const ZFacetCount = z.strictObject({ value: z.string(), count: z.number().int().min(0) });
export type FacetCount = z.infer<typeof ZFacetCount>;

export const ZSearchPage = z.strictObject({
  results: z.array(ZSearchResult),
  /** Each facet counts the visible matches under every filter except its own (so other values stay choosable). */
  facets: z.strictObject({ referenceType: z.array(ZFacetCount), tag: z.array(ZFacetCount) }),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type SearchPage = z.infer<typeof ZSearchPage>;
