import { CHANGE_SITE_ROLE } from "@/lib/admin/admin-endpoints";
import { changeSiteRole } from "@/lib/admin/admin-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const PUT = endpoint(CHANGE_SITE_ROLE, async ({ actor, params, body }) => ({
  status: 200,
  body: await changeSiteRole(prisma(), actor, { ...params, ...body }),
}));
