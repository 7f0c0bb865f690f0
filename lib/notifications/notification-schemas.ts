import { z } from "zod";
import { NOTIFICATION_KINDS } from "./notification-kinds";

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS, { error: `Choose one of: ${NOTIFICATION_KINDS.join(", ")}` });

export const ZNotificationView = z.object({
  id: z.uuid(),
  kind: ZNotificationKind,
  text: z.string(),
  noteId: z.uuid().nullable(),
  /** Where the item is, or null when the reader can no longer see it (deleted, hidden, or left the group). */
  permalink: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
}).meta({ id: "Notification" });
export type NotificationView = z.infer<typeof ZNotificationView>;

export const ZNotificationList = z.object({
  items: z.array(ZNotificationView),
  unreadCount: z.number().int().min(0),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
}).meta({ id: "NotificationList" });
export type NotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unread: z.enum(["1", "true", "0", "false"]).transform((value) => value === "1" || value === "true").default(false),
});

export const ZMarkRead = z.union(
  [
    z.strictObject({ all: z.literal(true) }),
    z.strictObject({ ids: z.array(z.uuid("Each id must be a notification id")).min(1, "Name at least one notification").max(100, "At most 100 at a time") }),
  ],
  { error: 'Send {"all": true} or {"ids": [...]}' },
);
export type TMarkRead = z.infer<typeof ZMarkRead>;
export const ZMarkReadResult = z.object({ updated: z.number().int().min(0), unreadCount: z.number().int().min(0) }).meta({ id: "MarkReadResult" });

export const ZNotificationPreference = z.object({ kind: ZNotificationKind, inApp: z.boolean(), email: z.boolean() }).meta({ id: "NotificationPreference" });
export const ZNotificationPreferences = z.object({ preferences: z.array(ZNotificationPreference) }).meta({ id: "NotificationPreferences" });
/** A PUT names the kinds it changes (each once); kinds it leaves out keep their setting. */
export const ZSavePreferences = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: ZNotificationKind, inApp: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_KINDS.length)
    .refine((rows) => new Set(rows.map((row) => row.kind)).size === rows.length, "Name each kind once"),
});
export type TSavePreferences = z.infer<typeof ZSavePreferences>;
export type NotificationPreferenceView = z.infer<typeof ZNotificationPreference>;
