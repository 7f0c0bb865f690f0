import { COMPLETE_PASSWORD_RESET } from "@/lib/accounts/account-endpoints";
import { completePasswordReset } from "@/lib/accounts/password-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(COMPLETE_PASSWORD_RESET, async ({ actor, body }) => ({
  status: 200,
  body: await completePasswordReset(prisma(), actor, body),
}));
