import { noteEtag } from "@/lib/annotations/edit-precondition";
import { CREATE_REPLY, LIST_THREAD } from "@/lib/annotations/note-endpoints";
import { createReply, listThread } from "@/lib/annotations/reply-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

/** The note and its thread's replies the reader may see, in display order with their depth. */
export const GET = endpoint(LIST_THREAD, async ({ actor, params }) => ({
  status: 200,
  body: await listThread(prisma(), actor, params.noteId),
  headers: { "Cache-Control": "private, no-store" },
}));

export const POST = endpoint(CREATE_REPLY, async ({ actor, params, body }) => {
  const reply = await createReply(prisma(), actor, { ...body, noteId: params.noteId });
  return { status: 201, body: reply, headers: { ETag: noteEtag(reply.version), Location: `/api/notes/${reply.id}` } };
});
