import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { REVOKE_ACCESS_TOKEN } from "@/lib/tokens/token-endpoints";
import { revokeAccessToken } from "@/lib/tokens/token-operations";

export const DELETE = endpoint(REVOKE_ACCESS_TOKEN, async ({ actor, params }) => {
  await revokeAccessToken(prisma(), actor, params);
  return { status: 204 };
});
