import { countedWrite } from "@/lib/rate-limit/limit-writes";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { flagNote } from "@/lib/moderation/flag-operations";
import { ZFlag, ZFlagCreated } from "@/lib/moderation/moderation-schemas";

type Context = { params: Promise<{ noteId: string }> };

/** A reader flags a note or reply, once. The answer names no one. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { noteId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZFlag);
  return jsonResponse(ZFlagCreated, await countedWrite(actor, () => flagNote(prisma(), actor, noteId, input)), { status: 201 });
});
