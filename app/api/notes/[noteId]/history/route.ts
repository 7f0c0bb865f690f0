import { listNoteHistory } from "@/lib/annotations/note-history";
import { NOTE_HISTORY } from "@/lib/annotations/note-endpoints";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

/** Every version of a note or reply, oldest first, with the word differences from the version before. */
export const GET = endpoint(NOTE_HISTORY, async ({ actor, params }) => ({
  status: 200,
  body: await listNoteHistory(prisma(), actor, params.noteId),
  headers: { "Cache-Control": "private, no-store" },
}));
