import { signOutSession } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { assertRowId } from "@/lib/db/row-id";

export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ sessionId: string }> }) => {
  const { sessionId } = await params;
  assertRowId(sessionId);
  await signOutSession(prisma(), await currentSessionActor(), sessionId, systemClock);
  return Response.json({ ok: true });
});
