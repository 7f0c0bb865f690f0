import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QueueFilters } from "@/components/review/queue-filters";
import { ReviewItem } from "@/components/review/review-item";
import { ReviewNav } from "@/components/review/review-nav";
import { ReviewQueueKeys } from "@/components/review/review-queue-keys";
import { currentRequestContext } from "@/lib/request/current-request-context";
import type { RequestContext } from "@/lib/request/request-context";
import { can } from "@/lib/authz/can";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { listReviewQueue } from "@/lib/moderation/queue-queries";
import { parseQueuePageParams, reviewHref } from "@/lib/moderation/review-page-params";
import { assertReviewScope, reviewGroupOptions, type ReviewScope } from "@/lib/moderation/review-scope";

export const metadata: Metadata = { title: "Review queue" };

/** Anyone the policy does not let review is told there is nothing here. */
async function scopeOrNotFound(ctx: RequestContext): Promise<ReviewScope> {
  try {
    return await assertReviewScope(prisma(), ctx);
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The request's context (also the header's): the scope and the queue's reader facts come from it, no query.
  const ctx = await currentRequestContext();
  const { actor } = ctx;
  const scope = await scopeOrNotFound(ctx);
  const { query, ignored } = parseQueuePageParams(await searchParams);
  const [page, groups] = await Promise.all([
    listReviewQueue(prisma(), ctx, query).catch((error: unknown) => {
      // A cursor from an old link that no longer reads: start from the top rather than fail.
      if (error instanceof AppError && error.code === "bad_request") return listReviewQueue(prisma(), ctx, { ...query, cursor: undefined });
      throw error;
    }),
    reviewGroupOptions(prisma(), scope),
  ]);
  const canSuspend = can(actor, "admin:access", { type: "site" });
  const now = new Date();
  const filtered = Boolean(query.reason || query.group || query.referenceType);
  return (
    <main id="main" className="page review-page">
      <ReviewNav current="queue" />
      <h1>Review queue</h1>
      <p className="review-summary">
        {page.total === 0
          ? filtered
            ? "Nothing in the queue matches these filters."
            : "Nothing is waiting for review."
          : `${page.total} ${page.total === 1 ? "item waits" : "items wait"} for a decision${filtered ? " (filtered)" : ""}: pending notes and replies, and flagged ones.`}
      </p>
      {ignored.length ? <p className="notes-notice">Left out what could not be read in the address: {ignored.join(", ")}.</p> : null}
      <QueueFilters query={query} groups={groups} />
      {page.items.length ? (
        <ReviewQueueKeys label="Items to review">
          {page.items.map((item, index) => (
            <ReviewItem key={item.note.id} item={item} position={index + 1} canSuspend={canSuspend} now={now} />
          ))}
        </ReviewQueueKeys>
      ) : null}
      {page.nextCursor || query.cursor ? (
        <nav className="review-pages" aria-label="Queue pages">
          {query.cursor ? <a href={reviewHref("/review", { ...query, cursor: undefined })}>First items</a> : null}
          {page.nextCursor ? <a href={reviewHref("/review", { ...query, cursor: page.nextCursor })}>Next items</a> : null}
        </nav>
      ) : null}
    </main>
  );
}
