import { SiteHeader } from "@/components/layout/site-header";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { mayReview } from "@/lib/moderation/review-scope";
import { unreadNotificationCount } from "@/lib/notifications/notification-queries";

/** Loads what the header shows of the reader. Only a signed-in reader costs queries (anonymous pages need none). */
export async function SiteHeaderSlot() {
  const actor = await currentActor();
  if (actor.kind !== "user") return <SiteHeader actor={actor} reviews={false} unread={0} />;
  const [reviews, unread] = await Promise.all([mayReview(prisma(), actor), unreadNotificationCount(prisma(), actor)]);
  return <SiteHeader actor={actor} reviews={reviews} unread={unread} />;
}
