import type { PrismaClient } from "../db/create-prisma-client";
import type { Actor } from "../authz/actor";
import type { Clock } from "./clock";
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS } from "./session-lifetime";

export async function createSession(
  prisma: PrismaClient,
  input: { userId: string; method: string; userAgent?: string | null },
  clock: Clock,
) {
  const now = clock.now();
  return prisma.session.create({
    data: {
      userId: input.userId,
      method: input.method,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
    },
  });
}

/**
 * The actor behind a session id, or anonymous when the session is unknown, revoked, idle too long, past its
 * absolute lifetime, or its user is suspended or deleted. One query, plus a write at most once a minute.
 */
export async function actorForSession(prisma: PrismaClient, sessionId: string, clock: Clock): Promise<Actor> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, displayName: true, siteRole: true, status: true, deletedAt: true } } },
  });
  const now = clock.now().getTime();
  if (
    !session ||
    session.revokedAt ||
    session.expiresAt.getTime() <= now ||
    session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS <= now ||
    session.user.status !== "active" ||
    session.user.deletedAt
  ) {
    return { kind: "anonymous" };
  }
  if (now - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    kind: "user",
    id: session.user.id,
    displayName: session.user.displayName,
    siteRole: session.user.siteRole,
    sessionId: session.id,
  };
}

export async function revokeSession(prisma: Pick<PrismaClient, "session">, sessionId: string, reason: string, clock: Clock) {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: clock.now(), revokedReason: reason } });
}

/** Ends every session of a user at once: sign out everywhere, a role change, a suspension, a password change. */
export async function revokeAllSessions(
  prisma: Pick<PrismaClient, "session">,
  userId: string,
  reason: string,
  clock: Clock,
  options: { except?: string } = {},
) {
  const result = await prisma.session.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: clock.now(), revokedReason: reason },
  });
  return result.count;
}
