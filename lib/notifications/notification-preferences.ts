import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { NOTIFICATION_KINDS } from "./notification-kinds";
import type { NotificationPreferenceView, TSavePreferences } from "./notification-schemas";
import { selfResource } from "./self-resource";

/** Every kind with its two switches; a kind without a row is on in the app and by email. */
export async function getNotificationPreferences(prisma: PrismaClient, actor: Actor): Promise<NotificationPreferenceView[]> {
  const { userId } = selfResource(actor);
  const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { kind: true, inApp: true, email: true } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: byKind.get(kind)?.inApp ?? true, email: byKind.get(kind)?.email ?? true }));
}

/** Saves the kinds named, all or nothing; a kind switched fully on again loses its row (the default). */
export async function saveNotificationPreferences(prisma: PrismaClient, actor: Actor, input: TSavePreferences): Promise<NotificationPreferenceView[]> {
  const { userId } = selfResource(actor);
  await prisma.$transaction(async (tx) => {
    for (const { kind, inApp, email } of input.preferences) {
      if (inApp && email) {
        await tx.notificationPreference.deleteMany({ where: { userId, kind } });
      } else {
        await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, inApp, email }, update: { inApp, email } });
      }
    }
  });
  return getNotificationPreferences(prisma, actor);
}
