import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { GET_REVIEW_QUEUE } from "@/lib/moderation/moderation-endpoints";
import { listReviewQueue } from "@/lib/moderation/queue-queries";

export const GET = endpoint(GET_REVIEW_QUEUE, async ({ actor, query }) => ({
  status: 200,
  body: await listReviewQueue(prisma(), actor, query),
  headers: { "Cache-Control": "private, no-store" },
}));
