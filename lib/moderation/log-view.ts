import { isStorableDate } from "../db/storable-date";
import { z } from "zod";
import { ZModerationRecordView } from "./review-queue-view";

export const LOG_ACTIONS = ["flag", "approve", "hide", "restore", "spam", "lock", "unlock", "trust", "untrust", "suspend", "group_mode"] as const;
export type TLogAction = (typeof LOG_ACTIONS)[number];
export const LOG_ACTION_LABELS: Record<TLogAction, string> = {
  flag: "Flag",
  approve: "Approve",
  hide: "Hide",
  restore: "Restore",
  spam: "Spam",
  lock: "Lock",
  unlock: "Unlock",
  trust: "Trust",
  untrust: "Untrust",
  suspend: "Suspend",
  group_mode: "Group mode",
};

const ZDay = z.iso
  .date("Use a date like 2026-11-25")
  .refine((day) => isStorableDate(new Date(`${day}T00:00:00.000Z`)), "Use a date between the years 1900 and 9999");
/** "group-mode" is how the database and the CSV spell it; both are accepted. */
const ZLogAction = z.preprocess((value) => (value === "group-mode" ? "group_mode" : value), z.enum(LOG_ACTIONS, "Not a moderation action"));

/** GET /api/moderation/log and the /review/log page's query string. Dates are UTC days; `to` is inclusive. */
export const ZModerationLogQuery = z
  .strictObject({
    action: ZLogAction.optional(),
    /** A user id, or part of the name the record was written with. */
    actor: z.string().trim().min(1).max(100).optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, "Malformed cursor")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    format: z.enum(["json", "csv"], "Ask for json or csv").default("json"),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "The end date is before the start date", path: ["to"] });
export type TModerationLogQuery = z.infer<typeof ZModerationLogQuery>;
export type TModerationLogInput = z.input<typeof ZModerationLogQuery>;

export const ZModerationLogPage = z.strictObject({ records: z.array(ZModerationRecordView), nextCursor: z.string().nullable() });
export type ModerationLogPage = z.infer<typeof ZModerationLogPage>;
