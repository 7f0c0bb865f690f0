import type { Actor } from "../authz/actor";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { NOTIFICATION_KINDS } from "./notification-kinds";
import type { NotificationPreferenceView } from "./notification-schemas";
import { selfResource } from "./self-resource";

/** Every kind with its two switches; a kind without a row is on in the app and by email. */
export async function preferencesOf(db: Prisma.TransactionClient, userId: string): Promise<NotificationPreferenceView[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, inApp: true, email: true } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: byKind.get(kind)?.inApp ?? true, email: byKind.get(kind)?.email ?? true }));
}

export async function getNotificationPreferences(prisma: PrismaClient, actor: Actor): Promise<NotificationPreferenceView[]> {
  return preferencesOf(prisma, selfResource(actor).userId);
}
