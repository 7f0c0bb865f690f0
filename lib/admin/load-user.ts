import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import type { UserResource } from "../authz/resources";
import { assertRowId } from "../db/row-id";

export async function loadUserResource(prisma: PrismaClient, userId: string): Promise<UserResource> {
  assertRowId(userId);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, siteRole: true, status: true, deletedAt: true } });
  if (!user || user.deletedAt) throw notFound();
  return { type: "user", id: user.id, siteRole: user.siteRole, suspended: user.status === "suspended" };
}
