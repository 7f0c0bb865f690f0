import { SIGN_OUT_SESSION } from "@/lib/accounts/account-endpoints";
import { signOutSession } from "@/lib/accounts/session-operations";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const DELETE = endpoint(SIGN_OUT_SESSION, async ({ actor, params }) => ({
  status: 200,
  body: await signOutSession(prisma(), actor, params),
}));
