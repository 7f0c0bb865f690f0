// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZAccessTokenList, ZCreateAccessToken, ZCreatedAccessToken } from "./token-schemas";

export const LIST_ACCESS_TOKENS = defineEndpoint({
  method: "GET",
  path: "/api/account/tokens",
  operationId: "listAccessTokens",
  summary: "The reader's personal access tokens",
  description: "Tokens that still work (expired ones included, with their date); never the tokens themselves. A browser session only: a token never manages tokens (403).",
  tag: "Tokens",
  security: "session",
  responses: { 200: { description: "Newest first", schema: ZAccessTokenList, headers: { "Cache-Control": "private, no-store" } } },
  errors: [401, 403],
});

export const CREATE_ACCESS_TOKEN = defineEndpoint({
  method: "POST",
  path: "/api/account/tokens",
  operationId: "createAccessToken",
  summary: "Create a personal access token",
  description: "A read token only reads; a write token also writes what its user may. The answer is the only time the token is shown. Audited (without the token).",
  tag: "Tokens",
  security: "session",
  body: { schema: ZCreateAccessToken },
  responses: { 201: { description: "The new token, shown this once", schema: ZCreatedAccessToken, headers: { "Cache-Control": "no-store" } } },
  errors: [400, 401, 403, 413, 415],
});

export const REVOKE_ACCESS_TOKEN = defineEndpoint({
  method: "DELETE",
  path: "/api/account/tokens/{tokenId}",
  operationId: "revokeAccessToken",
  summary: "Revoke a personal access token",
  description: "One of the reader's own live tokens; another's, or one revoked already, is 404. Audited.",
  tag: "Tokens",
  security: "session",
  params: z.strictObject({ tokenId: ZRowId }),
  responses: { 204: { description: "The token no longer works" } },
  errors: [401, 403, 404, 415],
});
