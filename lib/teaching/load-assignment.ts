import type { Actor, GroupRoleName } from "../authz/actor";
import type { AssignmentResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";

/** The actor's role in a group, or null (anonymous or not a member). */
export async function roleInGroup(prisma: PrismaClient, actor: Actor, groupId: string): Promise<GroupRoleName | null> {
  if (actor.kind !== "user") return null;
  const membership = await prisma.membership.findUnique({ where: { groupId_userId: { groupId, userId: actor.id } }, select: { role: true } });
  return membership?.role ?? null;
}

/** An assignment row and the policy's facts about it for this actor. Unknown ids are 404. */
export async function loadAssignment(prisma: PrismaClient, actor: Actor, assignmentId: string) {
  assertRowId(assignmentId);
  const assignment = await prisma.assignment.findUnique({ where: { id: assignmentId }, include: { group: { select: { id: true, name: true, kind: true } } } });
  if (!assignment) throw notFound();
  const viewerRole = await roleInGroup(prisma, actor, assignment.groupId);
  const resource: AssignmentResource = {
    type: "assignment",
    groupId: assignment.groupId,
    groupKind: assignment.group.kind,
    viewerRole,
    state: assignment.state,
  };
  return { assignment, resource };
}

export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignment>>["assignment"];
