import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { SET_USER_TRUST } from "@/lib/moderation/moderation-endpoints";
import { setTrusted } from "@/lib/moderation/trust-operations";

export const PUT = endpoint(SET_USER_TRUST, async ({ actor, params, body }) => ({
  status: 200,
  body: await setTrusted(prisma(), actor, { ...body, userId: params.userId }),
}));
