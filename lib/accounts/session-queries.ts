import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { selfUser } from "./self-user";
import type { ZSessionList } from "./session-schemas";

/** The reader's live sessions, most recently used first; the current one is marked. */
export async function listSessions(prisma: PrismaClient, actor: Actor) {
  const self = selfUser(actor);
  assertCan(actor, "account:manage", self);
  const sessions = await prisma.session.findMany({
    where: { userId: self.id, revokedAt: null },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, method: true },
    orderBy: { lastSeenAt: "desc" },
  });
  const current = actor.kind === "user" ? actor.sessionId : null;
  return sessions.map((session) => ({ ...session, current: session.id === current }));
}

/** The list as the API sends it (dates as ISO 8601). */
export function sessionListView(sessions: Awaited<ReturnType<typeof listSessions>>): z.input<typeof ZSessionList> {
  return { sessions: sessions.map((session) => ({ ...session, createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString() })) };
}
