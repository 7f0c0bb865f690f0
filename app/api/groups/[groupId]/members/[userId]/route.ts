import { prisma } from "@/lib/db/prisma";
import { CHANGE_MEMBER_ROLE, REMOVE_MEMBER } from "@/lib/groups/membership-endpoints";
import { changeMemberRole, removeMember } from "@/lib/groups/membership-operations";
import { endpoint } from "@/lib/http/endpoint";

export const PATCH = endpoint(CHANGE_MEMBER_ROLE, async ({ actor, params, body }) => ({
  status: 200,
  body: await changeMemberRole(prisma(), actor, { ...params, role: body.role }),
}));

export const DELETE = endpoint(REMOVE_MEMBER, async ({ actor, params }) => ({
  status: 200,
  body: await removeMember(prisma(), actor, params),
}));
