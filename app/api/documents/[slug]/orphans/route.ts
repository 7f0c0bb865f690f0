import { ZNotePage } from "@/lib/annotations/note-view";
import { jsonResponse } from "@/lib/http/json-response";
import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ slug: string }> };

/** The notes the reader may see that lost their passage in a correction of the text. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { slug } = await params;
  const notes = await listOrphanedNotes(prisma(), await currentRequestContext(), slug);
  return jsonResponse(ZNotePage, { notes, nextCursor: null }, { headers: { "Cache-Control": "private, no-store" } });
});
