import "server-only";
import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { unauthenticated } from "../errors/app-error";

/** The sign-in identities (OpenID Connect) linked to the actor's account, oldest first; subjects stay on the server. */
export async function listIdentities(prisma: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") throw unauthenticated();
  return prisma.identity.findMany({
    where: { userId: actor.id },
    select: { provider: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}
