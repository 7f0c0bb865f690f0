"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { isRowId } from "@/lib/db/row-id";
import { markNotificationsRead } from "@/lib/notifications/notification-operations";

/** Server actions, so "Mark all as read" and "Mark as read" are plain forms that work before (or without) JavaScript. */
export async function markAllNotificationsRead() {
  await markNotificationsRead(prisma(), await currentActor(), { all: true });
  redirect("/notifications?marked=all");
}

export async function markNotificationRead(form: FormData) {
  const id = String(form.get("id") ?? "");
  if (isRowId(id)) await markNotificationsRead(prisma(), await currentActor(), { ids: [id] });
  redirect("/notifications?marked=one");
}
