import { can } from "@/lib/authz/can";
import { staffGroupIds } from "@/lib/authz/reader-context";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { markAllNotificationsRead } from "@/app/notifications/actions";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { groupRolesOf } from "@/lib/annotations/note-access";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { getNotificationPreferences } from "@/lib/notifications/notification-preferences";
import { listNotifications } from "@/lib/notifications/notification-queries";

export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS: Record<string, string> = {
  all: "All notifications are marked as read.",
  one: "Marked as read.",
};

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect("/sign-in?callbackUrl=/notifications");
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" && params.cursor.length <= 200 ? params.cursor : undefined;
  const [list, preferences, roles] = await Promise.all([
    // A cursor edited by hand starts the list again from the newest.
    listNotifications(prisma(), actor, { cursor, limit: 30, unread: false }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "bad_request") return listNotifications(prisma(), actor, { limit: 30, unread: false });
      throw error;
    }),
    getNotificationPreferences(prisma(), actor),
    groupRolesOf(prisma(), actor),
  ]);
  // Only those who moderate something are ever told about the review queue.
  const moderates = can(actor, "moderation:review", { type: "moderation", viewerModeratesAGroup: staffGroupIds(roles).length > 0 });
  const shownPreferences = preferences.filter((preference) => preference.kind !== "queue" || moderates);
  const marked = typeof params.marked === "string" ? STATUS[params.marked] : undefined;
  const gone = params.gone === "1" ? "That item is no longer available to you." : undefined;

  return (
    <main id="main" className="page">
      <h1>Notifications</h1>
      <div role="status" className={marked || gone ? "form-success" : undefined}>
        {marked ?? gone}
      </div>

      <section aria-labelledby="notifications-list-title">
        <div className="notifications-heading">
          <h2 id="notifications-list-title">
            {list.unreadCount ? `${list.unreadCount} unread` : "All read"}
          </h2>
          {list.unreadCount ? (
            <form action={markAllNotificationsRead}>
              <button type="submit" className="button">
                Mark all as read
              </button>
            </form>
          ) : null}
        </div>
        {list.items.length ? (
          <NotificationList items={list.items} />
        ) : (
          <p className="panel">{cursor ? "No older notifications." : "No notifications yet. Replies to your notes, mentions of you and review decisions will appear here."}</p>
        )}
        {list.nextCursor ? (
          <p>
            <a href={`/notifications?cursor=${encodeURIComponent(list.nextCursor)}`}>Older notifications</a>
          </p>
        ) : null}
        {cursor ? (
          <p>
            <a href="/notifications">Newest notifications</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="notification-settings-title">
        <h2 id="notification-settings-title">Settings</h2>
        <p>Choose what you are told about, in the app and by email. You are never told about your own actions.</p>
        <NotificationPreferencesForm preferences={shownPreferences} emailAvailable={Boolean(serverEnv().SMTP_URL)} />
      </section>
    </main>
  );
}
