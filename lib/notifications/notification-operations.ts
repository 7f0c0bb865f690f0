import { z } from "zod";
import { isRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { permalinksFor } from "./notification-queries";
import { preferencesOf } from "./notification-preferences";
import { ZMarkRead, ZMarkReadResult, ZNotificationPreference, ZSavePreferences } from "./notification-schemas";
import { selfUser } from "./self-resource";

// A reader's own inbox and switches: "account:manage" (signed in, oneself) decides. None is audited: they change
// nothing anyone else sees or answers for.

/** Marks the named notifications (only the actor's own; others' ids are ignored) or all of them as read. */
export const markNotificationsRead = defineOperation({
  name: "notifications.mark-read",
  input: ZMarkRead,
  output: ZMarkReadResult,
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (tx, { input, loaded, now }) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: loaded.id, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
      data: { readAt: now },
    });
    return { updated: count, unreadCount: await tx.notification.count({ where: { userId: loaded.id, readAt: null } }) };
  },
});

/** Saves the kinds named, all or nothing; a kind switched fully on again loses its row (the default). */
export const saveNotificationPreferences = defineOperation({
  name: "notifications.save-preferences",
  input: ZSavePreferences,
  output: z.array(ZNotificationPreference),
  load: async (_db, actor) => selfUser(actor),
  authorise: ({ loaded }) => check("account:manage", loaded),
  run: async (tx, { input, loaded }) => {
    const userId = loaded.id;
    for (const { kind, inApp, email } of input.preferences) {
      if (inApp && email) {
        await tx.notificationPreference.deleteMany({ where: { userId, kind } });
      } else {
        await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, inApp, email }, update: { inApp, email } });
      }
    }
    return preferencesOf(tx, userId);
  },
});

/**
 * Opening a notification marks it read and leads to its item: the permalink, or null when it can no longer be read.
 * Another reader's notification, or an id that names none, is not found.
 */
export const openNotification = defineOperation({
  name: "notifications.open",
  input: z.strictObject({ notificationId: z.string() }),
  output: z.string().nullable(),
  load: async (db, actor, input) => {
    const self = selfUser(actor);
    // An anonymous reader is refused by the policy next; only a signed-in reader's own notification is looked up.
    const row = actor.kind === "user" && isRowId(input.notificationId)
      ? await db.notification.findFirst({ where: { id: input.notificationId, userId: self.id }, select: { id: true, noteId: true } })
      : null;
    // Whether the item can still be read does not depend on this change, so it is decided before it.
    const permalink = row?.noteId ? ((await permalinksFor(db, actor, [row.noteId])).get(row.noteId) ?? null) : null;
    return { self, row, permalink };
  },
  authorise: ({ loaded }) => check("account:manage", loaded.self),
  refuse: ({ loaded }) => (loaded.row ? null : notFound("No such notification")),
  run: async (tx, { loaded, now }) => {
    await tx.notification.updateMany({ where: { id: loaded.row!.id, readAt: null }, data: { readAt: now } });
    return loaded.permalink;
  },
});
