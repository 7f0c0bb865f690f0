import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { addFeedback, listFeedback } from "@/lib/teaching/feedback-operations";
import { ZFeedbackInput, ZFeedbackList, ZFeedbackView } from "@/lib/teaching/feedback-schemas";

type Context = { params: Promise<{ noteId: string }> };

/** Private feedback on a student's assignment note: the student and the class's teachers; 404 for everyone else. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { noteId } = await params;
  return jsonResponse(ZFeedbackList, await listFeedback(prisma(), await currentActor(), noteId), { headers: { "Cache-Control": "private, no-store" } });
});

/** A teacher's feedback: { body }. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZFeedbackInput);
  return jsonResponse(ZFeedbackView, await addFeedback(prisma(), actor, noteId, input), { status: 201 });
});
