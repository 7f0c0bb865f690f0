import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { listReviewQueue } from "@/lib/moderation/queue-queries";
import { ZReviewQueuePage, ZReviewQueueQuery } from "@/lib/moderation/review-queue-view";

/** The review queue of whoever asks (404 for anyone who reviews nothing): GET /api/moderation/queue?sort=&reason=&group=&referenceType=&cursor=&limit= */
export const GET = apiRoute(async (request) => {
  const query = ZReviewQueueQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listReviewQueue(prisma(), await currentActor(), query);
  return jsonResponse(ZReviewQueuePage, page, { headers: { "Cache-Control": "private, no-store" } });
});
