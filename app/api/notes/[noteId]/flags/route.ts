import { FLAG_NOTE } from "@/lib/annotations/note-endpoints";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { flagNote } from "@/lib/moderation/flag-operations";

/** A reader flags a note or reply, once. The answer names no one. */
export const POST = endpoint(FLAG_NOTE, async ({ actor, params, body }) => ({
  status: 201,
  body: await flagNote(prisma(), actor, { ...body, noteId: params.noteId }),
}));
