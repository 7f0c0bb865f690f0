import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { decide } from "@/lib/moderation/decision-operations";
import { ZDecision, ZDecisionResult } from "@/lib/moderation/moderation-schemas";

type Context = { params: Promise<{ noteId: string }> };

/** A moderator's decision, based on the revision they saw; a stale one is 409 with the state now (`current`). */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZDecision);
  const note = await decide(prisma(), actor, noteId, input);
  return jsonResponse(ZDecisionResult, { note }, { headers: { "Cache-Control": "private, no-store" } });
});
