import Link from "next/link";
import type { Actor } from "@/lib/authz/actor";
import { prisma } from "@/lib/db/prisma";
import { unreadNotificationCount } from "@/lib/notifications/notification-queries";

/**
 * The header's link to /notifications with the unread count, rendered on the server for signed-in readers only (no
 * client code). The badge is for the eye; the link's accessible name says it in words: "Notifications, 3 unread".
 */
export async function NotificationsLink({ actor }: { actor: Extract<Actor, { kind: "user" }> }) {
  const unread = await unreadNotificationCount(prisma(), actor);
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
