import type { Prisma } from "../db/create-prisma-client";

export type ModerationRecordInput = {
  action: Prisma.ModerationRecordCreateInput["action"];
  actor: { id: string; displayName: string };
  noteId?: string | null;
  subjectUserId?: string | null;
  groupId?: string | null;
  previousStatus?: string | null;
  newStatus?: string | null;
  reason?: string | null;
  queuedAt?: Date | null;
};

/**
 * The one way a moderation record is written: always inside the transaction of the change it records, so a record
 * exists exactly when its change does. The table is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE)
 * and no code path tries either.
 */
export async function recordModeration(tx: Prisma.TransactionClient, input: ModerationRecordInput): Promise<void> {
  await tx.moderationRecord.create({
    data: {
      action: input.action,
      actorId: input.actor.id,
      actorLabel: input.actor.displayName,
      noteId: input.noteId ?? null,
      subjectUserId: input.subjectUserId ?? null,
      groupId: input.groupId ?? null,
      previousStatus: input.previousStatus ?? null,
      newStatus: input.newStatus ?? null,
      reason: input.reason ?? null,
      queuedAt: input.queuedAt ?? null,
    },
  });
}
