import { DELETE_ACCOUNT } from "@/lib/accounts/account-endpoints";
import { deleteAccount } from "@/lib/accounts/account-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const DELETE = endpoint(DELETE_ACCOUNT, async ({ actor, body }) => ({
  status: 200,
  body: await deleteAccount(prisma(), actor, { notes: body.notes }),
}));
