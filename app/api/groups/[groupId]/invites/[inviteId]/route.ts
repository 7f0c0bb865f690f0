import { prisma } from "@/lib/db/prisma";
import { REVOKE_INVITE } from "@/lib/groups/group-endpoints";
import { revokeInvite } from "@/lib/groups/group-operations";
import { endpoint } from "@/lib/http/endpoint";

export const DELETE = endpoint(REVOKE_INVITE, async ({ actor, params }) => ({
  status: 200,
  body: await revokeInvite(prisma(), actor, params),
}));
