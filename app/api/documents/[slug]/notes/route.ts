import { CREATE_NOTE, LIST_NOTES } from "@/lib/annotations/note-endpoints";
import { createNote, listNotes } from "@/lib/annotations/note-operations";
import { noteEtag } from "@/lib/annotations/edit-precondition";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

/** The notes of a document that the reader may see: filters and cursor pagination in the query string. */
export const GET = endpoint(LIST_NOTES, async ({ actor, params, query }) => ({
  status: 200,
  body: await listNotes(prisma(), actor, params.slug, query),
  headers: { "Cache-Control": "private, no-store" },
}));

export const POST = endpoint(CREATE_NOTE, async ({ actor, params, body }) => {
  const note = await createNote(prisma(), actor, { ...body, slug: params.slug });
  return { status: 201, body: note, headers: { ETag: noteEtag(note.version), Location: `/api/notes/${note.id}` } };
});
