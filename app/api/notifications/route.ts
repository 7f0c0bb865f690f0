import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { LIST_NOTIFICATIONS } from "@/lib/notifications/notification-endpoints";
import { listNotifications } from "@/lib/notifications/notification-queries";

export const GET = endpoint(LIST_NOTIFICATIONS, async ({ actor, query }) => ({
  status: 200,
  body: await listNotifications(prisma(), actor, query),
  headers: { "Cache-Control": "private, no-store" },
}));
