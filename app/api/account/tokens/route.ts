import { systemClock } from "@/lib/auth/clock";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createAccessToken, listAccessTokens } from "@/lib/tokens/token-operations";
import { ZAccessTokenList, ZCreateAccessToken, ZCreatedAccessToken } from "@/lib/tokens/token-schemas";

/** The reader's personal access tokens (a browser session only: a token never manages tokens). */
export const GET = apiRoute(async () => {
  const list = await listAccessTokens(prisma(), await currentSessionActor());
  return jsonResponse(ZAccessTokenList, list, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = apiRoute(async (request) => {
  const actor = await currentSessionActor();
  const input = await readJsonBody(request, ZCreateAccessToken);
  const created = await createAccessToken(prisma(), actor, input, systemClock);
  return jsonResponse(ZCreatedAccessToken, created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
