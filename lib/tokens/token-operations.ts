import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { notFound, unauthenticated } from "../errors/app-error";
import { log } from "../log";
import { newAccessToken } from "./token-format";
import { ZAccessTokenList, ZCreateAccessToken, ZCreatedAccessToken, type AccessTokenView } from "./token-schemas";

const DAY_MS = 86_400_000;
type SignedIn = Extract<Actor, { kind: "user" }>;

function owner(actor: Actor) {
  if (actor.kind !== "user") throw unauthenticated();
  assertCan(actor, "account:manage", { type: "user", id: actor.id, siteRole: actor.siteRole, suspended: false });
  return actor as SignedIn;
}

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

/** Creates a token for the signed-in reader; the answer is the only time the token itself is ever shown. */
export async function createAccessToken(prisma: PrismaClient, actor: Actor, raw: unknown, clock: Clock) {
  const input = ZCreateAccessToken.parse(raw);
  const user = owner(actor);
  const now = clock.now();
  const secret = newAccessToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.accessToken.create({
      data: { userId: user.id, name: input.name, tokenHash: secret.hash, hint: secret.hint, scope: input.scope, createdAt: now, expiresAt },
    });
    await tx.auditRecord.create({
      data: { actorId: user.id, subjectId: user.id, action: "access_token.create", after: `${created.id} ${input.scope}`, reason: input.name, createdAt: now },
    });
    return created;
  });
  log.info("access_token.created", { userId: user.id, tokenId: row.id, scope: row.scope });
  return ZCreatedAccessToken.parse({ id: row.id, name: row.name, token: secret.token, scope: row.scope, expiresAt: row.expiresAt?.toISOString() ?? null });
}

/** The reader's tokens that still work (revoked ones are gone from the list; expired ones stay, marked by their date). */
export async function listAccessTokens(prisma: PrismaClient, actor: Actor) {
  const user = owner(actor);
  const rows = await prisma.accessToken.findMany({ where: { userId: user.id, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return ZAccessTokenList.parse({ tokens: rows.map(viewOf) });
}

/** Revokes one of the reader's own tokens; someone else's, or one already revoked, is "not found". */
export async function revokeAccessToken(prisma: PrismaClient, actor: Actor, tokenId: string, clock: Clock): Promise<void> {
  const user = owner(actor);
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.accessToken.updateMany({ where: { id: tokenId, userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw notFound("No such token");
    await tx.auditRecord.create({ data: { actorId: user.id, subjectId: user.id, action: "access_token.revoke", before: tokenId, reason: "revoked by its owner", createdAt: now } });
  });
  log.info("access_token.revoked", { userId: user.id, tokenId });
}

/** Every token of a user stops working (account deletion); inside the caller's transaction. */
export async function revokeAllAccessTokens(tx: Prisma.TransactionClient, userId: string, clock: Clock): Promise<number> {
  const { count } = await tx.accessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: clock.now() } });
  return count;
}
