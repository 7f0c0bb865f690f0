import { prisma } from "@/lib/db/prisma";
import { CREATE_INVITE } from "@/lib/groups/group-endpoints";
import { createInvite } from "@/lib/groups/group-operations";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(CREATE_INVITE, async ({ actor, params, body }) => ({
  status: 201,
  body: await createInvite(prisma(), actor, { ...params, ...body }),
}));
