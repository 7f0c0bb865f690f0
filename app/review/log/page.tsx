import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { notePermalink } from "@/components/notes/note-card";
import { LogFilters } from "@/components/review/log-filters";
import { formatUtc } from "@/components/review/review-format";
import { ReviewNav } from "@/components/review/review-nav";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { listModerationLog } from "@/lib/moderation/log-queries";
import { LOG_ACTION_LABELS, type TLogAction, type TModerationLogQuery } from "@/lib/moderation/log-view";
import { parseLogPageParams, reviewHref } from "@/lib/moderation/review-page-params";
import { mayReview } from "@/lib/moderation/review-scope";
import { TableScroll } from "@/components/layout/table-scroll";

export const metadata: Metadata = { title: "Moderation log" };

async function loadLog(actor: Awaited<ReturnType<typeof currentActor>>, query: TModerationLogQuery) {
  try {
    return await listModerationLog(prisma(), actor, query);
  } catch (error) {
    // A cursor from an old link that no longer reads: start from the newest rather than fail.
    if (error instanceof AppError && error.code === "bad_request" && query.cursor) return listModerationLog(prisma(), actor, { ...query, cursor: undefined });
    throw error;
  }
}

export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (!(await mayReview(prisma(), actor))) notFound();
  const { query, ignored } = parseLogPageParams(await searchParams);
  const page = await loadLog(actor, query);
  const filters = { action: query.action, actor: query.actor, from: query.from, to: query.to };
  return (
    <main id="main" className="page review-page">
      <ReviewNav current="log" />
      <h1>Moderation log</h1>
      <p className="muted">
        Every flag, decision, trust change and group mode change you may see, newest first. Records are append-only: no
        one can change or remove them.
      </p>
      {ignored.length ? <p className="notes-notice">Left out what could not be read in the address: {ignored.join(", ")}.</p> : null}
      <LogFilters query={query} />
      <p>
        <a className="button" href={reviewHref("/api/moderation/log", { ...filters, format: "csv" })} download>
          Download CSV<span className="visually-hidden"> of every record matching these filters</span>
        </a>
      </p>
      {page.records.length ? (
        <TableScroll label="Moderation log">
          <table className="data-table review-log">
            <caption className="visually-hidden">Moderation records, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Item</th>
                <th scope="col">About</th>
                <th scope="col">Group</th>
                <th scope="col">Change</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {page.records.map((record) => (
                <tr key={record.id}>
                  <td className="nowrap">
                    <time dateTime={record.createdAt}>{formatUtc(record.createdAt)}</time>
                  </td>
                  <td>{LOG_ACTION_LABELS[record.action as TLogAction] ?? record.action}</td>
                  <td>{record.actorLabel}</td>
                  <td>
                    {record.noteId && record.documentSlug ? (
                      <a href={notePermalink(record.documentSlug, record.noteId)}>
                        Note<span className="visually-hidden"> {record.noteId}</span>
                      </a>
                    ) : record.noteId ? (
                      <span className="muted">gone</span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{record.subjectUser ?? "—"}</td>
                  <td>{record.group ?? "—"}</td>
                  <td>{record.previousStatus || record.newStatus ? `${record.previousStatus ?? "—"} → ${record.newStatus ?? "—"}` : "—"}</td>
                  <td>{record.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No records match.</p>
      )}
      {page.nextCursor || query.cursor ? (
        <nav className="review-pages" aria-label="Log pages">
          {query.cursor ? <a href={reviewHref("/review/log", filters)}>Newest records</a> : null}
          {page.nextCursor ? <a href={reviewHref("/review/log", { ...filters, cursor: page.nextCursor })}>Older records</a> : null}
        </nav>
      ) : null}
    </main>
  );
}
