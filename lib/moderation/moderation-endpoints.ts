import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZModerationLogPage, ZModerationLogQuery } from "./log-view";
import { ZDecision, ZDecisionResult, ZTrust, ZTrustResult } from "./moderation-schemas";
import { ZReviewQueuePage, ZReviewQueueQuery } from "./review-queue-view";

export const GET_REVIEW_QUEUE = defineEndpoint({
  method: "GET",
  path: "/api/moderation/queue",
  operationId: "getReviewQueue",
  summary: "The review queue of whoever asks",
  description: "What waits for the reader's review or was flagged, within what they moderate; 404 for anyone who moderates nothing.",
  tag: "Moderation",
  security: "public",
  query: ZReviewQueueQuery,
  responses: { 200: { description: "One page of the queue", schema: ZReviewQueuePage, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 404],
});

export const GET_MODERATION_LOG = defineEndpoint({
  method: "GET",
  path: "/api/moderation/log",
  operationId: "getModerationLog",
  summary: "The moderation log the reader may read, newest first",
  description:
    "JSON pages; with format=csv instead every matching record as a CSV download (text/csv, streamed, the same columns for every record). " +
    "404 for anyone who moderates nothing.",
  tag: "Moderation",
  security: "public",
  query: ZModerationLogQuery,
  responses: { 200: { description: "One page of records (format=json)", schema: ZModerationLogPage, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 404],
});

export const SET_USER_TRUST = defineEndpoint({
  method: "PUT",
  path: "/api/moderation/users/{userId}/trust",
  operationId: "setUserTrust",
  summary: "Mark a user trusted, or take it back",
  description: "Reviewers and admins, for others: a trusted writer's public notes and replies are published without review. Recorded in the moderation log and audited.",
  tag: "Moderation",
  security: "token-or-session",
  params: z.strictObject({ userId: ZRowId }),
  body: { schema: ZTrust },
  responses: { 200: { description: "Whether the user is now trusted", schema: ZTrustResult } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const DECIDE_ON_NOTE = defineEndpoint({
  method: "POST",
  path: "/api/notes/{noteId}/decisions",
  operationId: "decideOnNote",
  summary: "A moderator's decision on a note or reply",
  description:
    "Approve, hide, restore, mark as spam, lock or unlock the thread, or (admins) suspend the author, based on the revision the moderator saw: " +
    "a stale one is 409 with the item's state now in `current`. Recorded in the moderation log.",
  tag: "Moderation",
  security: "token-or-session",
  params: z.strictObject({ noteId: ZRowId }),
  body: { schema: ZDecision },
  responses: { 200: { description: "The item as it is now", schema: ZDecisionResult, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 401, 403, 404, 409, 413, 415],
});
