import { z } from "zod";
import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { revokeAccessToken } from "@/lib/tokens/token-operations";

export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ tokenId: string }> }) => {
  const { tokenId } = await params;
  const actor = await currentSessionActor();
  if (!z.uuid().safeParse(tokenId).success) throw notFound("No such token");
  await revokeAccessToken(prisma(), actor, tokenId, systemClock);
  return new Response(null, { status: 204 });
});
