import { prisma } from "@/lib/db/prisma";
import { JOIN_GROUP } from "@/lib/groups/group-endpoints";
import { joinGroup } from "@/lib/groups/group-operations";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(JOIN_GROUP, async ({ actor, body }) => ({
  status: 200,
  body: await joinGroup(prisma(), actor, body),
}));
