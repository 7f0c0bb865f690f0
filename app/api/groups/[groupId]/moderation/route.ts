import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";
import { ZGroupMode, ZGroupModeResult } from "@/lib/moderation/moderation-schemas";

/** A group's owners and moderators (or an admin) choose open or premoderated for its group notes. */
export const PUT = apiRoute(async (request, { params }: { params: Promise<{ groupId: string }> }) => {
  const { groupId } = await params;
  const actor = await currentActor();
  const input = await readJsonBody(request, ZGroupMode);
  return jsonResponse(ZGroupModeResult, await setGroupModerationMode(prisma(), actor, groupId, input));
});
