import { ZNoteHistoryView } from "@/lib/annotations/thread-view";
import { jsonResponse } from "@/lib/http/json-response";
import { listNoteHistory } from "@/lib/annotations/note-history";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ noteId: string }> };

/** Every version of a note or reply, oldest first, with the word differences from the version before. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  const history = await listNoteHistory(prisma(), await currentActor(), noteId);
  return jsonResponse(ZNoteHistoryView, history, { headers: { "Cache-Control": "private, no-store" } });
});
