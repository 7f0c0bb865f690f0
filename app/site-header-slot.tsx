import { SiteHeader } from "@/components/layout/site-header";
import { mayReviewWith } from "@/lib/moderation/review-scope";
import { currentRequestContext } from "@/lib/request/current-request-context";

/** What the header shows of the reader, from the request's context (built once for the page and its header). */
export async function SiteHeaderSlot() {
  const ctx = await currentRequestContext();
  if (ctx.actor.kind !== "user") return <SiteHeader actor={ctx.actor} reviews={false} unread={0} />;
  return <SiteHeader actor={ctx.actor} reviews={mayReviewWith(ctx)} unread={ctx.unreadNotifications} />;
}
