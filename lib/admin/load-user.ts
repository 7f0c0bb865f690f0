import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import type { UserResource } from "../authz/resources";

export async function loadUserResource(prisma: PrismaClient, userId: string): Promise<UserResource> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, siteRole: true, status: true, deletedAt: true } });
  if (!user || user.deletedAt) throw notFound();
  return { type: "user", id: user.id, siteRole: user.siteRole, suspended: user.status === "suspended" };
}
