import { prisma } from "@/lib/db/prisma";
import { LEAVE_GROUP } from "@/lib/groups/group-endpoints";
import { leaveGroup } from "@/lib/groups/group-operations";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(LEAVE_GROUP, async ({ actor, params }) => ({
  status: 200,
  body: await leaveGroup(prisma(), actor, params),
}));
