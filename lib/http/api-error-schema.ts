import { z } from "zod";
import { APP_ERROR_STATUS } from "../errors/app-error";

/** The codes of every error answer: the domain's (lib/errors/app-error.ts) and the two the server itself gives. */
export const API_ERROR_CODES = [...(Object.keys(APP_ERROR_STATUS) as (keyof typeof APP_ERROR_STATUS)[]), "unavailable", "internal"] as const;

/**
 * The one shape of every error answer of the JSON API: a stable code for scripts, a message for people, the
 * field messages of a 400, and for a stale moderation decision (409) the item's current state.
 */
export const ZApiError = z
  .strictObject({
    error: z.enum(API_ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Field path → messages, for invalid input"),
    current: z.record(z.string(), z.unknown()).optional().describe("The resource's current state, when a change was refused as stale"),
  })
  .meta({ id: "Error", description: "An error answer (every 4xx and 5xx of the JSON API)" });
export type ApiError = z.infer<typeof ZApiError>;
