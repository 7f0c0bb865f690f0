import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";

/** Users matching a name or email fragment (admins only). */
export async function findUsers(prisma: PrismaClient, actor: Actor, query: string) {
  assertCan(actor, "admin:access", { type: "site" });
  return prisma.user.findMany({
    where: {
      deletedAt: null,
      ...(query ? { OR: [{ displayName: { contains: query, mode: "insensitive" } }, { email: { contains: query.toLowerCase() } }] } : {}),
    },
    // Found by email, shown without it: addresses stay private to their owners.
    select: { id: true, displayName: true, siteRole: true, status: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

export async function listAuditRecords(prisma: PrismaClient, actor: Actor, take = 100) {
  assertCan(actor, "admin:access", { type: "site" });
  return prisma.auditRecord.findMany({
    include: { actor: { select: { displayName: true } }, subject: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}
