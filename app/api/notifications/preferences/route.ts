import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { GET_NOTIFICATION_PREFERENCES, SAVE_NOTIFICATION_PREFERENCES } from "@/lib/notifications/notification-endpoints";
import { saveNotificationPreferences } from "@/lib/notifications/notification-operations";
import { getNotificationPreferences } from "@/lib/notifications/notification-preferences";

export const GET = endpoint(GET_NOTIFICATION_PREFERENCES, async ({ actor }) => ({
  status: 200,
  body: { preferences: await getNotificationPreferences(prisma(), actor) },
  headers: { "Cache-Control": "private, no-store" },
}));

export const PUT = endpoint(SAVE_NOTIFICATION_PREFERENCES, async ({ actor, body }) => ({
  status: 200,
  body: { preferences: await saveNotificationPreferences(prisma(), actor, body) },
}));
