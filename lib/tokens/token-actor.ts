import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import type { Clock } from "../auth/clock";
import { AppError } from "../errors/app-error";
import { parseBearer } from "./bearer-header";
import { hashAccessToken, isWellFormedToken } from "./token-format";

/** How often a token's "last used" is written: at most once a minute, so reads stay reads. */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** RFC 6750 §3: a refused bearer credential is 401 with a challenge saying why. */
export function invalidToken(description: string): AppError {
  return new AppError("unauthenticated", description, {
    headers: { "WWW-Authenticate": `Bearer realm="marginalia", error="invalid_token", error_description="${description.replaceAll('"', "'")}"` },
  });
}

/**
 * The actor an `Authorization` header names. Malformed, unknown, revoked, expired, or a suspended or deleted user's
 * token: 401, never anonymous and never the cookie's user (the caller does not look at cookies at all).
 */
export async function actorForBearer(prisma: PrismaClient, header: string, clock: Clock): Promise<Actor> {
  const parsed = parseBearer(header);
  if (parsed.kind === "malformed") throw invalidToken(parsed.reason);
  if (!isWellFormedToken(parsed.token)) throw invalidToken("Not a Marginalia access token");
  const row = await prisma.accessToken.findUnique({
    where: { tokenHash: hashAccessToken(parsed.token) },
    include: { user: { select: { id: true, displayName: true, siteRole: true, status: true, deletedAt: true } } },
  });
  const now = clock.now();
  if (!row || row.revokedAt) throw invalidToken("The token is unknown or revoked");
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw invalidToken("The token has expired");
  if (row.user.deletedAt || row.user.status !== "active") throw invalidToken("The token's account is suspended or deleted");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOKEN_TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests of the same minute write once.
    await prisma.accessToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    kind: "user",
    id: row.user.id,
    displayName: row.user.displayName,
    siteRole: row.user.siteRole,
    sessionId: null,
    token: { id: row.id, scope: row.scope },
  };
}

/** A read token may not change anything: the JSON API's wrapper and the protocol's writers both ask this. */
export function assertTokenMayWrite(actor: Actor): void {
  if (actor.kind === "user" && actor.token?.scope === "read") {
    throw new AppError("forbidden", "This access token may only read; create a write token to change things");
  }
}
