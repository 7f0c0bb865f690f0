// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { defineEndpoint } from "../http/endpoint-contract";
import { ZMarkRead, ZMarkReadResult, ZNotificationList, ZNotificationListQuery, ZNotificationPreferences, ZSavePreferences } from "./notification-schemas";

const PRIVATE = { "Cache-Control": "private, no-store" };

export const LIST_NOTIFICATIONS = defineEndpoint({
  method: "GET",
  path: "/api/notifications",
  operationId: "listNotifications",
  summary: "The reader's notifications, newest first",
  description: "A page at a time (`cursor` from the previous page); `unread=1` for the unread ones only. A notification whose item the reader can no longer read keeps its text without the quotation, and has no permalink.",
  tag: "Notifications",
  security: "token-or-session",
  query: ZNotificationListQuery,
  responses: { 200: { description: "A page of notifications and the unread count", schema: ZNotificationList, headers: PRIVATE } },
  errors: [400, 401],
});

export const MARK_NOTIFICATIONS_READ = defineEndpoint({
  method: "POST",
  path: "/api/notifications/read",
  operationId: "markNotificationsRead",
  summary: "Mark notifications as read",
  description: 'Some (`{"ids": [...]}`, only the reader\'s own: others are ignored) or all (`{"all": true}`).',
  tag: "Notifications",
  security: "token-or-session",
  body: { schema: ZMarkRead },
  responses: { 200: { description: "How many were marked, and how many are left unread", schema: ZMarkReadResult } },
  errors: [400, 401, 403, 413, 415],
});

export const GET_NOTIFICATION_PREFERENCES = defineEndpoint({
  method: "GET",
  path: "/api/notifications/preferences",
  operationId: "getNotificationPreferences",
  summary: "Which kinds of notification the reader gets, in the app and by email",
  tag: "Notifications",
  security: "token-or-session",
  responses: { 200: { description: "Every kind with its two switches", schema: ZNotificationPreferences, headers: PRIVATE } },
  errors: [401],
});

export const SAVE_NOTIFICATION_PREFERENCES = defineEndpoint({
  method: "PUT",
  path: "/api/notifications/preferences",
  operationId: "saveNotificationPreferences",
  summary: "Switch kinds of notification on or off",
  description: "Names the kinds it changes, each once; the others keep their setting. All or nothing.",
  tag: "Notifications",
  security: "token-or-session",
  body: { schema: ZSavePreferences },
  responses: { 200: { description: "Every kind with its two switches, as saved", schema: ZNotificationPreferences } },
  errors: [400, 401, 403, 413, 415],
});
