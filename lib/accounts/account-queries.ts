import "server-only";
import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { unauthenticated } from "../errors/app-error";

/** The signed-in user's own account row, email included (shown to its owner only); never the password hash. */
export async function getOwnAccount(prisma: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") throw unauthenticated();
  const { passwordHash, ...account } = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      email: true, displayName: true, affiliation: true, orcid: true, bio: true, showAffiliation: true, showOrcid: true, siteRole: true, createdAt: true, passwordHash: true,
    },
  });
  return { ...account, hasPassword: passwordHash !== null };
}
