import { ZNoteView } from "@/lib/annotations/note-view";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteNote, getNote, updateNote } from "@/lib/annotations/note-operations";
import { ZEditNote } from "@/lib/annotations/note-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ noteId: string }> };

/** The version an edit is based on: If-Match ("3" or W/"3") or, for forms, `version` in the body. */
function basedOnVersion(request: Request, bodyVersion: number | undefined): number {
  const header = request.headers.get("if-match");
  if (header) {
    const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
    if (!match) throw new AppError("bad_request", "If-Match must be the note's ETag, such as \"3\"");
    return Number(match[1]);
  }
  if (bodyVersion === undefined) {
    throw new AppError("bad_request", "Invalid input", { fields: { version: ["Send the version the edit is based on (If-Match)"] } });
  }
  return bodyVersion;
}

export const GET = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  const note = await getNote(prisma(), await currentActor(), noteId);
  return jsonResponse(ZNoteView, note, { headers: { ETag: `"${note.version}"`, "Cache-Control": "private, no-store" } });
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  // ZEditNote serves notes and replies: a reply sends only its body.
  const input = await readJsonBody(request, ZEditNote);
  const note = await updateNote(prisma(), actor, noteId, input, basedOnVersion(request, input.version));
  return jsonResponse(ZNoteView, note, { headers: { ETag: `"${note.version}"` } });
});

export const DELETE = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  await deleteNote(prisma(), await currentActor(), noteId);
  return new Response(null, { status: 204 });
});
