import { checkedOutput } from "../errors/checked-output";
import { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import { selfUser } from "../accounts/self-user";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { ZRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { newAccessToken } from "./token-format";
import { ZAccessTokenList, ZCreateAccessToken, ZCreatedAccessToken, ZRevokedAccessToken, type AccessTokenView } from "./token-schemas";

const DAY_MS = 86_400_000;

function viewOf(row: { id: string; name: string; hint: string; scope: "read" | "write"; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }): AccessTokenView {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Creates a token for the signed-in reader; the answer is the only time the token itself is ever shown. Audited. */
export const createAccessToken = defineOperation({
  name: "access_token.create",
  input: ZCreateAccessToken,
  output: ZCreatedAccessToken,
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (tx, { input, loaded, now }) => {
    const secret = newAccessToken();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
    const row = await tx.accessToken.create({
      data: { userId: loaded.id, name: input.name, tokenHash: secret.hash, hint: secret.hint, scope: input.scope, createdAt: now, expiresAt },
    });
    return { id: row.id, name: row.name, token: secret.token, scope: row.scope, expiresAt: row.expiresAt?.toISOString() ?? null };
  },
  // Never the token itself: its id and scope, and the name its owner gave it.
  audit: ({ loaded, result }) => ({ action: "access_token.create", subjectId: loaded.id, targetId: result.id, after: `${result.id} ${result.scope}`, reason: result.name }),
});

/** The reader's tokens that still work (revoked ones are gone from the list; expired ones stay, marked by their date). */
export async function listAccessTokens(prisma: PrismaClient, actor: Actor) {
  const self = selfUser(actor);
  assertCan(actor, "account:manage", self);
  const rows = await prisma.accessToken.findMany({ where: { userId: self.id, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return checkedOutput(ZAccessTokenList, { tokens: rows.map(viewOf) }, "the token list");
}

/** Revokes one of the reader's own tokens; someone else's, or one already revoked, is "not found". Audited. */
export const revokeAccessToken = defineOperation({
  name: "access_token.revoke",
  input: z.strictObject({ tokenId: ZRowId }),
  output: ZRevokedAccessToken,
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (tx, { input, loaded, now }) => {
    // Conditional on being the owner's and live, so a concurrent revocation (or another's token) is a 404.
    const { count } = await tx.accessToken.updateMany({ where: { id: input.tokenId, userId: loaded.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw notFound("No such token");
    return { id: input.tokenId, revokedAt: now.toISOString() };
  },
  audit: ({ input, loaded }) => ({ action: "access_token.revoke", subjectId: loaded.id, targetId: input.tokenId, before: input.tokenId, reason: "revoked by its owner" }),
});

/** Every token of a user stops working (account deletion); inside the caller's transaction. */
export async function revokeAllAccessTokens(tx: Prisma.TransactionClient, userId: string, clock: Clock): Promise<number> {
  const { count } = await tx.accessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: clock.now() } });
  return count;
}
