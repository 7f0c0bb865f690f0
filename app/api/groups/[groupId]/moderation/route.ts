import { prisma } from "@/lib/db/prisma";
import { SET_GROUP_MODERATION_MODE } from "@/lib/groups/group-endpoints";
import { endpoint } from "@/lib/http/endpoint";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";

export const PUT = endpoint(SET_GROUP_MODERATION_MODE, async ({ actor, params, body }) => ({
  status: 200,
  body: await setGroupModerationMode(prisma(), actor, { ...params, ...body }),
}));
