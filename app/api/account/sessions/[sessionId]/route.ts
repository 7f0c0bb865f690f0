import { signOutSession } from "@/lib/accounts/account-operations";
import { systemClock } from "@/lib/auth/clock";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ sessionId: string }> }) => {
  const { sessionId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw notFound();
  await signOutSession(prisma(), await currentActor(), sessionId, systemClock);
  return Response.json({ ok: true });
});
