import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { listNotifications } from "@/lib/notifications/notification-queries";
import { ZNotificationList, ZNotificationListQuery } from "@/lib/notifications/notification-schemas";

export const GET = apiRoute(async (request) => {
  const query = ZNotificationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listNotifications(prisma(), await currentActor(), query);
  return jsonResponse(ZNotificationList, list, { headers: { "Cache-Control": "private, no-store" } });
});
