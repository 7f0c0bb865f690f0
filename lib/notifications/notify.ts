import { recordChanges } from "../live/change-feed";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { serverEnv } from "../env";
import { queueMail } from "../mail/mail-queue";
import type { NotificationKindName } from "./notification-kinds";
import { notificationMail } from "./notification-mail";

export type NotifyInput = {
  userIds: string[];
  kind: NotificationKindName;
  noteId: string | null;
  text: string;
  /** The user whose action caused it: nobody is told about their own action. */
  excludeUserId?: string;
};

const MAX_TEXT = 500;

/**
 * Records one in-app notification per recipient, in the caller's transaction, unless the recipient turned the kind off
 * in the app; suspended and deleted accounts get none. The caller decides who may know about the item (for a note:
 * readersAmong in recipients.ts keeps those the policy lets read it). When SMTP_URL is set, each recipient who did not turn the kind off
 * for email is mailed as well — only after the transaction commits (mail-after-commit.ts), never inside it.
 */
export async function notify(tx: Prisma.TransactionClient | PrismaClient, input: NotifyInput): Promise<void> {
  const candidates = [...new Set(input.userIds)].filter((id) => id !== input.excludeUserId);
  if (!candidates.length) return;
  const [users, preferences] = await Promise.all([
    tx.user.findMany({ where: { id: { in: candidates }, status: "active", deletedAt: null }, select: { id: true, email: true } }),
    tx.notificationPreference.findMany({ where: { userId: { in: candidates }, kind: input.kind }, select: { userId: true, inApp: true, email: true } }),
  ]);
  const preferenceOf = new Map(preferences.map((preference) => [preference.userId, preference]));
  const text = input.text.length > MAX_TEXT ? `${input.text.slice(0, MAX_TEXT - 1)}…` : input.text;

  const inApp = users.filter((user) => preferenceOf.get(user.id)?.inApp !== false);
  if (inApp.length) {
    await tx.notification.createMany({ data: inApp.map((user) => ({ userId: user.id, kind: input.kind, noteId: input.noteId, text })) });
    await recordChanges(tx, inApp.map((user) => ({ kind: "notification.created" as const, userId: user.id, noteId: input.noteId })));
  }

  if (!serverEnv().SMTP_URL) return;
  const byEmail = users.filter((user) => user.email && preferenceOf.get(user.id)?.email !== false);
  if (!byEmail.length) return;
  const mail = await notificationMail(tx, { kind: input.kind, noteId: input.noteId, text });
  // Queued in this transaction: sent by the mail worker once it commits, never if it rolls back.
  await queueMail(
    tx,
    byEmail.map((user) => ({ ...mail, to: user.email as string })),
    input.kind,
  );
}
