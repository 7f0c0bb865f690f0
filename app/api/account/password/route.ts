import { CHANGE_PASSWORD } from "@/lib/accounts/account-endpoints";
import { changePassword } from "@/lib/accounts/password-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint(CHANGE_PASSWORD, async ({ actor, body }) => ({
  status: 200,
  body: await changePassword(prisma(), actor, body),
}));
