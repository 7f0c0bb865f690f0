import { SET_SUSPENSION } from "@/lib/admin/admin-endpoints";
import { setSuspended } from "@/lib/admin/admin-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const PUT = endpoint(SET_SUSPENSION, async ({ actor, params, body }) => ({
  status: 200,
  body: await setSuspended(prisma(), actor, { ...params, ...body }),
}));
