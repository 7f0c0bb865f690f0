import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { loadRequestContext } from "@/lib/request/request-context";
import { SEARCH_NOTES } from "@/lib/search/search-endpoints";
import { searchNotes } from "@/lib/search/search-notes";

export const GET = endpoint(SEARCH_NOTES, async ({ actor, params, query }) => ({
  status: 200,
  body: await searchNotes(prisma(), await loadRequestContext(prisma(), actor), params.slug, query),
  headers: { "Cache-Control": "private, no-store" },
}));
