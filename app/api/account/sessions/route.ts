import { LIST_SESSIONS, SIGN_OUT_EVERYWHERE } from "@/lib/accounts/account-endpoints";
import { signOutEverywhere } from "@/lib/accounts/session-operations";
import { listSessions, sessionListView } from "@/lib/accounts/session-queries";
import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";

export const GET = endpoint(LIST_SESSIONS, async ({ actor }) => ({
  status: 200,
  body: sessionListView(await listSessions(prisma(), actor)),
  headers: { "Cache-Control": "private, no-store" },
}));

/** Sign out everywhere: every session of the user ends, this one included. */
export const DELETE = endpoint(SIGN_OUT_EVERYWHERE, async ({ actor }) => ({
  status: 200,
  body: await signOutEverywhere(prisma(), actor, {}),
}));
