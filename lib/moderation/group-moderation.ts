import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { loadGroupResource } from "../groups/load-group";
import { recordModeration } from "./moderation-records";
import type { TGroupMode } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * A group's owners and moderators (or an admin) choose whether its members' group notes are published at once
 * (open) or wait for them (premoderated). Items already pending stay pending. The change and its record are one
 * transaction; choosing the mode already set records nothing.
 */
export async function setGroupModerationMode(prisma: PrismaClient, actor: Actor, groupId: string, input: TGroupMode): Promise<{ groupId: string; mode: TGroupMode["mode"] }> {
  const group = await loadGroupResource(prisma, actor, groupId);
  assertCan(actor, "group:set-moderation", group);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.group.updateMany({ where: { id: group.id, moderationMode: { not: input.mode } }, data: { moderationMode: input.mode } });
    if (count === 0) return;
    await recordModeration(tx, {
      action: "group_mode",
      actor: actor as SignedIn,
      groupId: group.id,
      previousStatus: input.mode === "open" ? "premoderated" : "open",
      newStatus: input.mode,
    });
  });
  return { groupId: group.id, mode: input.mode };
}
