import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import type { GroupResource } from "../authz/resources";
import { assertRowId } from "../db/row-id";

/** A group as a policy resource: the actor's role in it decides what it may see and do. Unknown ids are 404. */
export async function loadGroupResource(prisma: PrismaClient, actor: Actor, groupId: string): Promise<GroupResource> {
  assertRowId(groupId);
  const group = await prisma.group.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      memberships: actor.kind === "user" ? { where: { userId: actor.id }, select: { role: true } } : false,
    },
  });
  if (!group) throw notFound();
  const memberships = (group as { memberships?: { role: GroupResource["viewerRole"] }[] }).memberships ?? [];
  return { type: "group", id: group.id, viewerRole: memberships[0]?.role ?? null };
}
