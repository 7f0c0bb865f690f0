import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { MARK_NOTIFICATIONS_READ } from "@/lib/notifications/notification-endpoints";
import { markNotificationsRead } from "@/lib/notifications/notification-operations";

export const POST = endpoint(MARK_NOTIFICATIONS_READ, async ({ actor, body }) => ({
  status: 200,
  body: await markNotificationsRead(prisma(), actor, body),
}));
