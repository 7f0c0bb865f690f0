import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/review/bar-chart";
import { formatDuration, formatUtc } from "@/components/review/review-format";
import { ReviewNav } from "@/components/review/review-nav";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { DASHBOARD_DAYS, loadReviewDashboard } from "@/lib/moderation/dashboard-queries";
import { mayReview } from "@/lib/moderation/review-scope";
import { FLAG_REASON_LABELS } from "@/lib/moderation/review-queue-view";

export const metadata: Metadata = { title: "Review dashboard" };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const shortDay = (day: string) => `${Number(day.slice(8, 10))} ${new Date(`${day}T00:00:00Z`).toLocaleString("en-GB", { month: "short", timeZone: "UTC" })}`;

export default async function ReviewDashboardPage() {
  const actor = await currentActor();
  if (!(await mayReview(prisma(), actor))) notFound();
  const dashboard = await loadReviewDashboard(prisma(), actor);
  const { queue, decisionsPerDay, timeToDecision, flagsByReason } = dashboard;

  const totalDecisions = decisionsPerDay.reduce((sum, day) => sum + day.count, 0);
  const busiest = decisionsPerDay.reduce((best, day) => (day.count > best.count ? day : best), decisionsPerDay[0]!);
  const openFlags = flagsByReason.reduce((sum, row) => sum + row.open, 0);
  const topReason = [...flagsByReason].sort((a, b) => b.open - a.open)[0]!;

  return (
    <main id="main" className="page review-page">
      <ReviewNav current="dashboard" />
      <h1>Review dashboard</h1>
      <p className="muted">Over what you moderate. Days are UTC.</p>

      <h2>The queue</h2>
      <dl className="review-figures">
        <div>
          <dt>Waiting now</dt>
          <dd>
            {plural(queue.size, "item")} <span className="muted">({queue.pending} pending, {queue.flagged} flagged)</span>
          </dd>
        </div>
        <div>
          <dt>Oldest waiting</dt>
          <dd>
            {queue.oldestAgeSeconds !== null && queue.oldestQueuedAt ? (
              <>
                {formatDuration(queue.oldestAgeSeconds)} <span className="muted">(since <time dateTime={queue.oldestQueuedAt}>{formatUtc(queue.oldestQueuedAt)}</time>)</span>
              </>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>Median wait so far</dt>
          <dd>{queue.medianAgeSeconds !== null ? formatDuration(queue.medianAgeSeconds) : "—"}</dd>
        </div>
        <div>
          <dt>Median time to a decision ({DASHBOARD_DAYS} days)</dt>
          <dd>
            {timeToDecision.medianSeconds !== null ? formatDuration(timeToDecision.medianSeconds) : "—"}{" "}
            <span className="muted">(over {plural(timeToDecision.decisions, "decision")} that took an item out of the queue)</span>
          </dd>
        </div>
      </dl>

      <h2>Decisions per day</h2>
      <BarChart
        layout="columns"
        labelEvery={7}
        summary={
          totalDecisions
            ? `Decisions per day over the last ${DASHBOARD_DAYS} days: ${totalDecisions} in all, most on ${shortDay(busiest.day)} (${busiest.count}); ${decisionsPerDay.at(-1)!.count} today.`
            : `No decisions in the last ${DASHBOARD_DAYS} days.`
        }
        bars={decisionsPerDay.map((day) => ({ key: day.day, label: shortDay(day.day), value: day.count, valueText: plural(day.count, "decision") }))}
        table={{ caption: `Decisions per day, last ${DASHBOARD_DAYS} days`, headers: ["Day", "Decisions"], rows: decisionsPerDay.map((day) => [day.day, day.count]) }}
      />

      <h2>Flags by reason</h2>
      <BarChart
        layout="rows"
        summary={
          openFlags
            ? `Open flags by reason: ${openFlags} in all; most for ${FLAG_REASON_LABELS[topReason.reason].toLowerCase()} (${topReason.open}).`
            : "No open flags."
        }
        bars={flagsByReason.map((row) => ({ key: row.reason, label: FLAG_REASON_LABELS[row.reason], value: row.open, valueText: plural(row.open, "open flag") }))}
        table={{
          caption: `Flags by reason: open now, and raised in the last ${DASHBOARD_DAYS} days`,
          headers: ["Reason", "Open now", `Raised in ${DASHBOARD_DAYS} days`],
          rows: flagsByReason.map((row) => [FLAG_REASON_LABELS[row.reason], row.open, row.raised]),
        }}
      />
      <p className="muted">
        Bars count open flags. Raised in the last {DASHBOARD_DAYS} days:{" "}
        {flagsByReason.map((row) => `${FLAG_REASON_LABELS[row.reason].toLowerCase()} ${row.raised}`).join(", ")}.
      </p>
    </main>
  );
}
