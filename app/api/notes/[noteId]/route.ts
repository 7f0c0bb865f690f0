import { editBasedOn, noteEtag } from "@/lib/annotations/edit-precondition";
import { DELETE_NOTE, GET_NOTE, UPDATE_NOTE } from "@/lib/annotations/note-endpoints";
import { deleteNote, getNote, updateNote } from "@/lib/annotations/note-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const GET = endpoint(GET_NOTE, async ({ actor, params }) => {
  const note = await getNote(prisma(), actor, params.noteId);
  return { status: 200, body: note, headers: { ETag: noteEtag(note.version), "Cache-Control": "private, no-store" } };
});

// ZEditNote serves notes and replies: a reply sends only its body.
export const PATCH = endpoint(UPDATE_NOTE, async ({ request, actor, params, body }) => {
  const version = editBasedOn(request.headers.get("if-match"), body.version);
  const note = await updateNote(prisma(), actor, { ...body, noteId: params.noteId, version });
  return { status: 200, body: note, headers: { ETag: noteEtag(note.version) } };
});

export const DELETE = endpoint(DELETE_NOTE, async ({ actor, params }) => {
  await deleteNote(prisma(), actor, { noteId: params.noteId });
  return { status: 204 };
});
