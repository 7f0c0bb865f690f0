import { ZNoteView } from "@/lib/annotations/note-view";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteNote, getNote, updateNote } from "@/lib/annotations/note-operations";
import { ZEditNote } from "@/lib/annotations/note-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { prisma } from "@/lib/db/prisma";
import { editBasedOn, noteEtag } from "@/lib/annotations/edit-precondition";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ noteId: string }> };

export const GET = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  const note = await getNote(prisma(), await currentRequestContext(), noteId);
  return jsonResponse(ZNoteView, note, { headers: { ETag: noteEtag(note.version), "Cache-Control": "private, no-store" } });
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  // ZEditNote serves notes and replies: a reply sends only its body.
  const input = await readJsonBody(request, ZEditNote);
  const note = await updateNote(prisma(), actor, noteId, input, editBasedOn(request.headers.get("if-match"), input.version));
  return jsonResponse(ZNoteView, note, { headers: { ETag: noteEtag(note.version) } });
});

export const DELETE = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  await deleteNote(prisma(), await currentActor(), noteId);
  return new Response(null, { status: 204 });
});
