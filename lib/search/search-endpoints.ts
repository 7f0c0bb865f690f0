import { z } from "zod";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZNoteSearchQuery } from "./search-schemas";
import { ZSearchPage } from "./search-types";

export const SEARCH_NOTES = defineEndpoint({
  method: "GET",
  path: "/api/documents/{slug}/search",
  operationId: "searchNotes",
  summary: "Full-text search over a document's notes and replies",
  description:
    'Over what the reader may see: the words in web-search syntax ("quoted phrases", or, -word), the note filters (an empty one is no filter), ' +
    "facet counts and a cursor for the next page.",
  tag: "Search",
  security: "public",
  params: z.strictObject({ slug: z.string().describe("The document's slug") }),
  query: ZNoteSearchQuery,
  responses: { 200: { description: "One page of results, best first, with the facets", schema: ZSearchPage, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 404],
});
