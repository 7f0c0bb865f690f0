import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getNotificationPreferences, saveNotificationPreferences } from "@/lib/notifications/notification-preferences";
import { ZNotificationPreferences, ZSavePreferences } from "@/lib/notifications/notification-schemas";

export const GET = apiRoute(async () => {
  const preferences = await getNotificationPreferences(prisma(), await currentActor());
  return jsonResponse(ZNotificationPreferences, { preferences }, { headers: { "Cache-Control": "private, no-store" } });
});

export const PUT = apiRoute(async (request) => {
  const actor = await currentActor();
  const input = await readJsonBody(request, ZSavePreferences);
  return jsonResponse(ZNotificationPreferences, { preferences: await saveNotificationPreferences(prisma(), actor, input) });
});
