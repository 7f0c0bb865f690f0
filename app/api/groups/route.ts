import { prisma } from "@/lib/db/prisma";
import { CREATE_GROUP } from "@/lib/groups/group-endpoints";
import { createGroup } from "@/lib/groups/group-operations";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(CREATE_GROUP, async ({ actor, body }) => ({
  status: 201,
  body: await createGroup(prisma(), actor, body),
}));
