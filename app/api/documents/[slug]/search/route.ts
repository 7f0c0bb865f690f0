import { ZSearchPage } from "@/lib/search/search-types";
import { jsonResponse } from "@/lib/http/json-response";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { searchNotes } from "@/lib/search/search-notes";
import { parseSearchQuery } from "@/lib/search/search-schemas";

type Context = { params: Promise<{ slug: string }> };

/** Full-text search over the notes and replies the reader may see, with filters, facet counts and a cursor. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const query = parseSearchQuery(new URL(request.url).searchParams);
  const page = await searchNotes(prisma(), await currentRequestContext(), slug, query);
  return jsonResponse(ZSearchPage, page, { headers: { "Cache-Control": "private, no-store" } });
});
