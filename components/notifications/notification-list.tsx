import { markNotificationRead } from "@/app/notifications/actions";
import { formatUtc } from "@/components/account/format-utc";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/notification-kinds";
import type { NotificationView } from "@/lib/notifications/notification-schemas";

const KIND_NAMES: Record<NotificationView["kind"], string> = {
  reply: "Reply",
  mention: "Mention",
  decision: "Review decision",
  flag_resolved: "Flag resolved",
  queue: "Review queue",
};

/**
 * The reader's notifications, newest first (server-rendered). "Open" goes through /notifications/<id>, which marks it
 * read; a plain <a>, since a prefetching <Link> would mark it read before it is opened. Unread ones say so in words
 * as well as in their style.
 */
export function NotificationList({ items }: { items: NotificationView[] }) {
  return (
    <ol className="notification-list">
      {items.map((item) => (
        <li key={item.id} id={`notification-${item.id}`} className={item.readAt ? "notification-item" : "notification-item notification-unread"}>
          <p className="notification-meta">
            {item.readAt ? null : <span className="notification-new">Unread</span>}
            <span title={NOTIFICATION_KIND_LABELS[item.kind]}>{KIND_NAMES[item.kind]}</span>
            <time dateTime={item.createdAt}>{formatUtc(new Date(item.createdAt))}</time>
          </p>
          <p className="notification-text">{item.text}</p>
          <p className="notification-actions">
            {item.permalink ? (
              <a href={`/notifications/${item.id}`}>
                Open<span className="visually-hidden"> the {KIND_NAMES[item.kind].toLowerCase()} from {formatUtc(new Date(item.createdAt))}</span>
              </a>
            ) : item.noteId ? (
              <span className="notification-gone">This item is no longer available to you.</span>
            ) : null}
            {item.readAt ? null : (
              <form action={markNotificationRead} className="notification-mark-form">
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" className="link-button">
                  Mark as read<span className="visually-hidden">: {KIND_NAMES[item.kind].toLowerCase()} from {formatUtc(new Date(item.createdAt))}</span>
                </button>
              </form>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
