import { countedWrite } from "@/lib/rate-limit/limit-writes";
import { ZNoteView } from "@/lib/annotations/note-view";
import { ZThreadView } from "@/lib/annotations/thread-view";
import { jsonResponse } from "@/lib/http/json-response";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import { ZCreateReply } from "@/lib/annotations/note-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ noteId: string }> };

/** The note and its thread's replies the reader may see, in display order with their depth. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  const thread = await listThread(prisma(), await currentRequestContext(), noteId);
  return jsonResponse(ZThreadView, thread, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZCreateReply);
  const reply = await countedWrite(actor, () => createReply(prisma(), actor, noteId, input));
  return jsonResponse(ZNoteView, reply, { status: 201, headers: { ETag: `"${reply.version}"`, Location: `/api/notes/${reply.id}` } });
});
