import type { z } from "zod";

/** The API's sections, as the reference (/developers/api) groups them. */
export const API_TAGS = {
  Documents: "The letter's text and metadata, exports and corrections",
  Notes: "Notes, replies, their history and flags",
  Search: "Full-text search and the reference index",
  Imports: "Bringing annotations in (W3C, Hypothesis, Recogito, Marginalia)",
  Moderation: "The review queue, decisions, trust and the moderation log",
  Groups: "Research groups and classes, invitations and members",
  Teaching: "Assignments, progress, feedback, grades and class exports",
  Account: "Sign-up, password, profile, sessions and linked identities",
  Tokens: "Personal access tokens (managed with a browser session only)",
  Notifications: "A reader's notifications and their preferences",
  Admin: "Site roles and suspensions",
  Service: "Health and this description",
} as const;
export type ApiTag = keyof typeof API_TAGS;

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/**
 * Who may call a route, as the OpenAPI document states it: "public" answers anyone (signed in or not, cookie or
 * token); "token-or-session" needs a user by either means (the policy then says 401/403/404); "session" accepts a
 * browser session only and refuses access tokens with 403 (tokens, password, sessions, account deletion, OIDC, admin).
 */
export type EndpointSecurity = "public" | "token-or-session" | "session";

export type EndpointResponse = {
  description: string;
  /** The JSON body's schema (application/json unless `mediaType` says otherwise); none for 204/304 or non-JSON. */
  schema?: z.ZodType;
  /** A non-JSON body (text/csv, application/ld+json, application/xml): described, not validated by zod. */
  mediaType?: string;
  headers?: Record<string, string>;
};

/**
 * What one route promises: its path, parameters, body and every answer. The route binds it (lib/http/endpoint.ts),
 * which parses the input through these schemas and sends every JSON answer through its response schema; the OpenAPI
 * document (/api/openapi.json) is generated from the same objects, so the description cannot drift from the code.
 */
export type EndpointContract = {
  method: HttpMethod;
  /** The OpenAPI path template, e.g. "/api/groups/{groupId}/members/{userId}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  security: EndpointSecurity;
  /** Path parameters: a value that does not fit names nothing, so it is a 404, never a 400. */
  params?: z.ZodObject;
  /** Query parameters: a value that does not fit is a 400 with field messages. */
  query?: z.ZodObject;
  body?: { schema: z.ZodType; mediaTypes?: readonly string[]; maxBytes?: number };
  /** The answers with their own shape, by status (2xx, 3xx). */
  responses: Record<number, EndpointResponse>;
  /** The error statuses this route can answer (each with the one error schema), besides those every route can
   * (400, 401, 500, 503; and 403, 415 for writes), which the document adds (lib/openapi/openapi-document.ts). */
  errors: readonly number[];
  /** Requests whose answers are cached by validators (ETag / If-None-Match), for the description. */
  conditional?: boolean;
  /**
   * The answer is the same for every caller, so shared caches may keep it (the reference index, health): the session
   * is never read and the handler's actor is anonymous. A request with a token still has it checked (api-route.ts).
   */
  sameForEveryone?: true;
};

/** Declares a contract; the identity function keeps the literal types for the route's handler. */
export function defineEndpoint<const C extends EndpointContract>(contract: C): C {
  return contract;
}
