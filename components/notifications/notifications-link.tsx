import Link from "next/link";

/**
 * The header's link to /notifications with the unread count, rendered on the server for signed-in readers only (no
 * client code). The badge is for the eye; the link's accessible name says it in words: "Notifications, 3 unread".
 */
export function NotificationsLink({ unread }: { unread: number }) {
  return (
    <Link href="/notifications" className="notifications-link">
      Notifications
      {unread > 0 ? (
        <>
          <span className="notification-badge" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="visually-hidden">, {unread} unread</span>
        </>
      ) : null}
    </Link>
  );
}
