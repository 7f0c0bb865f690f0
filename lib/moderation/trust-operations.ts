import { loadUserResource } from "../admin/load-user";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { recordModeration } from "./moderation-records";
import type { TTrust } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * A reviewer or admin marks a user trusted (their public notes and replies are published at once) or takes it back.
 * The change and its record are one transaction; setting what already holds changes nothing and records nothing.
 */
export async function setTrusted(prisma: PrismaClient, actor: Actor, userId: string, input: TTrust): Promise<{ userId: string; trusted: boolean }> {
  const user = await loadUserResource(prisma, userId);
  assertCan(actor, "user:trust", user);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, trusted: !input.trusted }, data: { trusted: input.trusted } });
    if (count === 0) return;
    await recordModeration(tx, {
      action: input.trusted ? "trust" : "untrust",
      actor: actor as SignedIn,
      subjectUserId: user.id,
      previousStatus: input.trusted ? "untrusted" : "trusted",
      newStatus: input.trusted ? "trusted" : "untrusted",
      reason: input.reason,
    });
  });
  return { userId: user.id, trusted: input.trusted };
}
