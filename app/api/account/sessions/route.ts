import { signOutEverywhere } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";

/** Sign out everywhere: every session of the user ends, this one included. */
export const DELETE = apiRoute(async () => {
  const ended = await signOutEverywhere(prisma(), await currentSessionActor(), systemClock);
  return Response.json({ ended });
});
