import { prisma } from "@/lib/db/prisma";
import { TRANSFER_OWNERSHIP } from "@/lib/groups/membership-endpoints";
import { transferOwnership } from "@/lib/groups/membership-operations";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(TRANSFER_OWNERSHIP, async ({ actor, params, body }) => ({
  status: 200,
  body: await transferOwnership(prisma(), actor, { groupId: params.groupId, userId: body.userId }),
}));
