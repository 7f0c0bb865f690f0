import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { markNotificationsRead } from "@/lib/notifications/notification-queries";
import { ZMarkRead, ZMarkReadResult } from "@/lib/notifications/notification-schemas";

export const POST = apiRoute(async (request) => {
  const actor = await currentActor();
  const input = await readJsonBody(request, ZMarkRead);
  return jsonResponse(ZMarkReadResult, await markNotificationsRead(prisma(), actor, input));
});
