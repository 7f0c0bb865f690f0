import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { CREATE_ACCESS_TOKEN, LIST_ACCESS_TOKENS } from "@/lib/tokens/token-endpoints";
import { createAccessToken, listAccessTokens } from "@/lib/tokens/token-operations";

/** The reader's personal access tokens (a browser session only: a token never manages tokens). */
export const GET = endpoint(LIST_ACCESS_TOKENS, async ({ actor }) => ({
  status: 200,
  body: await listAccessTokens(prisma(), actor),
  headers: { "Cache-Control": "private, no-store" },
}));

export const POST = endpoint(CREATE_ACCESS_TOKEN, async ({ actor, body }) => ({
  status: 201,
  body: await createAccessToken(prisma(), actor, body),
  headers: { "Cache-Control": "no-store" },
}));
