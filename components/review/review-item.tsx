import { notificationPermalink } from "@/lib/notifications/notification-permalink";
import { DiffText } from "@/components/notes/diff-text";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import type { NoteView } from "@/lib/annotations/note-view";
import { nestByDepth, type NestedReply } from "@/lib/annotations/thread-order";
import type { ReplyView } from "@/lib/annotations/thread-view";
import { LOG_ACTION_LABELS, type TLogAction } from "@/lib/moderation/log-view";
import { FLAG_REASON_LABELS, type ImportBatchView, type ReviewItem as Item } from "@/lib/moderation/review-queue-view";
import { DecisionControls } from "./decision-controls";
import { formatDuration, formatUtc } from "./review-format";
import { StatusBadge } from "./status-badge";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const actionLabel = (action: string) => LOG_ACTION_LABELS[action as TLogAction] ?? action;

function ThreadEntry({ note, itemId, reply }: { note: NoteView; itemId: string; reply?: ReplyView }) {
  const isItem = note.id === itemId;
  return (
    <div className={isItem ? "review-thread-entry is-item" : "review-thread-entry"} aria-current={isItem ? "true" : undefined}>
      <p className="review-thread-meta">
        {note.deleted ? "Deleted" : note.author.displayName} · <time dateTime={note.createdAt}>{formatUtc(note.createdAt)}</time>{" "}
        <StatusBadge status={note.moderationStatus} />
        {isItem ? <strong> · this item</strong> : null}
        {reply?.inReplyTo ? <> · in reply to {reply.inReplyTo.author ?? "a deleted reply"}</> : null}
      </p>
      {note.deleted ? (
        <p className="note-deleted">This was deleted.</p>
      ) : (
        // bodyHtml is rendered from Markdown and sanitized on the server.
        <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
      )}
    </div>
  );
}

function ThreadReplies({ nodes, itemId }: { nodes: NestedReply<ReplyView>[]; itemId: string }) {
  return (
    <ol className="review-thread-replies">
      {nodes.map((node) => (
        <li key={node.item.id}>
          <ThreadEntry note={node.item} itemId={itemId} reply={node.item} />
          {node.replies.length ? <ThreadReplies nodes={node.replies} itemId={itemId} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** At most 120 characters of a quote (by code point, never splitting one). */
const shortQuote = (quote: string) => (Array.from(quote).length > 120 ? `${Array.from(quote).slice(0, 120).join("")}…` : quote);

/** The import this item stands for in the queue: what came in, and the next few of its items. */
function ImportBatchSummary({ batch, titleId }: { batch: ImportBatchView; titleId: string }) {
  const count = (n: number) => n.toLocaleString("en");
  return (
    <section className="review-batch" aria-labelledby={`${titleId}-batch`}>
      <h3 id={`${titleId}-batch`}>
        An import from {batch.source}: {count(batch.noteCount)} {batch.noteCount === 1 ? "note" : "notes"}, {count(batch.replyCount)}{" "}
        {batch.replyCount === 1 ? "reply" : "replies"}
      </h3>
      <p>
        Imported <time dateTime={batch.createdAt}>{formatUtc(batch.createdAt)}</time>; {count(batch.anchored)} anchored, {count(batch.moved)} moved,{" "}
        {count(batch.orphaned)} orphaned. <strong>{count(batch.pending)} still waiting: approving, hiding or marking this item as spam decides all of them.</strong>{" "}
        The first is shown below{batch.sample.length ? "; the next ones here" : ""}.
      </p>
      {batch.sample.length ? (
        <ol className="review-batch-sample">
          {batch.sample.map((sample) => (
            <li key={sample.id}>
              <p className="review-thread-meta">
                {sample.reply ? "Reply" : "Note"}
                {sample.place ? ` on ${sample.place}` : " · orphaned: its passage was not found in the letter"}
                {sample.quote ? <> · “{shortQuote(sample.quote)}”</> : null}
              </p>
              {/* bodyHtml is rendered from Markdown and sanitized on the server. */}
              <div className="note-body" dangerouslySetInnerHTML={{ __html: sample.bodyHtml }} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * One item of the review queue as an article the queue's keys move between (data-review-item, focusable): what it
 * says and where, then the decisions, then everything a decision rests on — the flags, the author's record, the
 * thread, the edit history and the item's moderation history.
 */
export function ReviewItem({ item, position, canSuspend, now }: { item: Item; position: number; canSuspend: boolean; now: Date }) {
  const { note } = item;
  const titleId = `review-${note.id}-title`;
  const kind = item.opensThread ? "Note" : "Reply";
  const waited = Math.max(0, Math.round((now.getTime() - new Date(item.queuedAt).getTime()) / 1000));
  const decisions = Object.entries(item.author.decisions);
  return (
    <article id={`review-${note.id}`} className="review-item" tabIndex={-1} data-review-item aria-labelledby={titleId}>
      <header className="review-item-header">
        <h2 id={titleId}>
          <span className="review-item-number">{position}.</span> {kind} by {note.author.displayName}
          {item.passage ? <> on {item.passage.label}</> : null}
        </h2>
        <p className="review-item-facts">
          <StatusBadge status={item.moderationStatus} />{" "}
          <span>{note.visibility === "group" && note.group ? `Group: ${note.group.name}` : "Public"}</span> ·{" "}
          <span>{REFERENCE_TYPE_LABELS[note.referenceType as keyof typeof REFERENCE_TYPE_LABELS] ?? note.referenceType}</span> ·{" "}
          <span>
            waiting {formatDuration(waited)} (since <time dateTime={item.queuedAt}>{formatUtc(item.queuedAt)}</time>)
          </span>{" "}
          · <span>{plural(item.openFlagCount, "open flag")}</span> ·{" "}
          <a href={notificationPermalink({ id: note.id, threadId: note.threadId, documentSlug: item.documentSlug })}>
            Open in the letter<span className="visually-hidden"> ({kind.toLowerCase()} by {note.author.displayName})</span>
          </a>
        </p>
      </header>

      {item.batch ? <ImportBatchSummary batch={item.batch} titleId={titleId} /> : null}

      {/* bodyHtml is rendered from Markdown and sanitized on the server. */}
      <div className="review-item-body note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />

      {item.passage ? (
        <figure className="review-passage">
          <figcaption>
            {item.passage.orphaned ? `The passage no longer stands in ${item.passage.label}; quoted as written:` : `In ${item.passage.label}:`}
          </figcaption>
          {item.passage.orphaned && item.passage.quote ? (
            <p className="review-passage-quote">
              <mark>{item.passage.quote}</mark>
            </p>
          ) : null}
          <blockquote>
            <p>
              {item.passage.before}
              {item.passage.quote && !item.passage.orphaned ? (
                <mark>
                  <span className="visually-hidden">[passage: </span>
                  {item.passage.quote}
                  <span className="visually-hidden">]</span>
                </mark>
              ) : null}
              {item.passage.after}
            </p>
          </blockquote>
        </figure>
      ) : null}

      <DecisionControls
        noteId={note.id}
        status={item.moderationStatus}
        revision={item.moderationRevision}
        locked={item.locked}
        opensThread={item.opensThread}
        canSuspend={canSuspend && !item.author.suspended}
        authorName={note.author.displayName}
        batchItems={item.batch?.pending}
      />

      <section className="review-section" aria-labelledby={`${titleId}-flags`}>
        <h3 id={`${titleId}-flags`}>Open flags ({item.flags.length})</h3>
        {item.flags.length ? (
          <ul className="review-flags">
            {item.flags.map((flag) => (
              <li key={flag.id}>
                <strong>{FLAG_REASON_LABELS[flag.reason]}</strong> · {flag.flagger} · <time dateTime={flag.createdAt}>{formatUtc(flag.createdAt)}</time>
                {flag.comment ? <p className="review-flag-comment">{flag.comment}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None: it waits because its author is not yet trusted or its group is pre-moderated.</p>
        )}
      </section>

      <section className="review-section" aria-labelledby={`${titleId}-author`}>
        <h3 id={`${titleId}-author`}>The author</h3>
        <p>
          {item.author.displayName}: {item.author.trusted ? "trusted" : "not trusted"}
          {item.author.suspended ? ", suspended" : ""}; {plural(item.author.itemCount, "note or reply", "notes and replies")}.{" "}
          {decisions.length
            ? `Past decisions on their items: ${decisions.map(([action, count]) => `${actionLabel(action).toLowerCase()} ${count}`).join(", ")}.`
            : "No past decisions on their items."}
        </p>
      </section>

      <details className="review-details">
        <summary>Thread ({plural(item.thread.replies.length, "reply", "replies")})</summary>
        <ThreadEntry note={item.thread.note} itemId={note.id} />
        {item.thread.replies.length ? <ThreadReplies nodes={nestByDepth(item.thread.replies)} itemId={note.id} /> : null}
      </details>

      {item.history ? (
        <details className="review-details">
          <summary>Edit history ({plural(item.history.length, "version")})</summary>
          <ol className="note-history-versions">
            {item.history.map((version) => (
              <li key={version.version}>
                <p className="note-history-meta">
                  Version {version.version}
                  {version.current ? " (current)" : ""} · {version.editedBy.displayName} · <time dateTime={version.at}>{formatUtc(version.at)}</time>
                </p>
                {version.changes ? <DiffText parts={version.changes} /> : <p className="note-diff">{version.body}</p>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <details className="review-details">
        <summary>Moderation history ({plural(item.records.length, "record")})</summary>
        {item.records.length ? (
          <ol className="review-records">
            {item.records.map((record) => (
              <li key={record.id}>
                <time dateTime={record.createdAt}>{formatUtc(record.createdAt)}</time> · {actionLabel(record.action)} by {record.actorLabel}
                {record.previousStatus || record.newStatus ? ` (${record.previousStatus ?? "—"} → ${record.newStatus ?? "—"})` : ""}
                {record.reason ? `: ${record.reason}` : ""}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No records yet.</p>
        )}
      </details>
    </article>
  );
}
