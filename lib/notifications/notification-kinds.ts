/** The kinds of notification (the NotificationKind enum), in the order the preferences table lists them. */
export const NOTIFICATION_KINDS = ["reply", "mention", "decision", "flag_resolved", "queue"] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKindName, string> = {
  reply: "Replies to your notes and replies",
  mention: "Mentions of you (@name)",
  decision: "Review decisions on your notes",
  flag_resolved: "Flags you raised being resolved",
  queue: "New items in your review queue",
};
