import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { addFeedback, listFeedback } from "@/lib/teaching/feedback-operations";
import { ADD_FEEDBACK, LIST_FEEDBACK } from "@/lib/teaching/teaching-endpoints";

export const GET = endpoint(LIST_FEEDBACK, async ({ actor, params }) => ({
  status: 200,
  body: await listFeedback(prisma(), actor, params.noteId),
  headers: { "Cache-Control": "private, no-store" },
}));

export const POST = endpoint(ADD_FEEDBACK, async ({ actor, params, body }) => ({
  status: 201,
  body: await addFeedback(prisma(), actor, { ...body, noteId: params.noteId }),
}));
