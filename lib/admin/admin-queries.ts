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

/**
 * The newest audit records with the names of their actor, subject and group. A group has no foreign key (the record
 * outlives it), so its name is looked up, and is null once the group is gone.
 */
export async function listAuditRecords(prisma: PrismaClient, actor: Actor, take = 100) {
  assertCan(actor, "admin:access", { type: "site" });
  const records = await prisma.auditRecord.findMany({
    include: { actor: { select: { displayName: true } }, subject: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  const groupIds = [...new Set(records.flatMap((record) => (record.groupId ? [record.groupId] : [])))];
  const groups = groupIds.length ? await prisma.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(groups.map((group) => [group.id, group.name]));
  return records.map((record) => ({ ...record, groupName: record.groupId ? (names.get(record.groupId) ?? null) : null }));
}
