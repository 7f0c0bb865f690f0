import { countedWrite } from "@/lib/rate-limit/limit-writes";
import { ZNotePage, ZNoteView } from "@/lib/annotations/note-view";
import { jsonResponse } from "@/lib/http/json-response";
import { createNote, listNotes } from "@/lib/annotations/note-operations";
import { ZCreateNote, ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ slug: string }> };

/** The notes of a document that the reader may see: filters and cursor pagination in the query string. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const query = ZNoteListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listNotes(prisma(), await currentRequestContext(), slug, query);
  return jsonResponse(ZNotePage, page, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZCreateNote);
  const note = await countedWrite(actor, () => createNote(prisma(), actor, slug, input));
  return jsonResponse(ZNoteView, note, { status: 201, headers: { ETag: `"${note.version}"`, Location: `/api/notes/${note.id}` } });
});
