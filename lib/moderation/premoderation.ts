import type { Actor } from "../authz/actor";
import type { Prisma } from "../db/create-prisma-client";
import { initialModerationStatus } from "./initial-status";

type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * The moderation status a new note or reply starts in, read inside the transaction that writes it (so a trust or
 * group-mode change either precedes the item or follows it). A pending item enters the queue now.
 */
export async function moderationOnCreate(
  tx: Prisma.TransactionClient,
  writer: SignedIn,
  item: { visibility: "private" | "group" | "public"; groupId: string | null },
): Promise<{ moderationStatus: "approved" | "pending"; queuedAt: Date | null }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: writer.id }, select: { trusted: true, siteRole: true } });
  const inGroup = item.visibility === "group" && item.groupId !== null;
  const group = inGroup ? await tx.group.findUnique({ where: { id: item.groupId! }, select: { moderationMode: true } }) : null;
  const membership = inGroup
    ? await tx.membership.findUnique({ where: { groupId_userId: { groupId: item.groupId!, userId: writer.id } }, select: { role: true } })
    : null;
  const moderationStatus = initialModerationStatus({
    visibility: item.visibility,
    writer: user,
    groupMode: group?.moderationMode ?? null,
    writerGroupRole: membership?.role ?? null,
  });
  return { moderationStatus, queuedAt: moderationStatus === "pending" ? new Date() : null };
}
