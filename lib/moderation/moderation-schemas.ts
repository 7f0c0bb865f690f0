import { z } from "zod";
import { ZNoteView } from "../annotations/note-view";

export const FLAG_REASON_VALUES = ["inaccurate", "offensive", "spam", "copyright", "off_topic", "other"] as const;
export const DECISION_ACTIONS = ["approve", "hide", "restore", "spam", "lock", "unlock", "suspend"] as const;
export type TDecisionAction = (typeof DECISION_ACTIONS)[number];

const REASON_MIN = 3;
const REASON_MAX = 500;
const ZReason = z
  .string()
  .trim()
  .min(REASON_MIN, `Say why (at least ${REASON_MIN} characters)`)
  .max(REASON_MAX, `At most ${REASON_MAX} characters`);

/** POST /api/notes/<id>/flags. "off-topic" (the stored spelling) is accepted for off_topic. */
export const ZFlag = z.strictObject({
  reason: z.preprocess(
    (value) => (value === "off-topic" ? "off_topic" : value),
    z.enum(FLAG_REASON_VALUES, "Choose a reason: inaccurate, offensive, spam, copyright, off-topic or other"),
  ),
  comment: z.string().trim().max(1000, "At most 1,000 characters").optional().transform((comment) => comment || undefined),
});
export type TFlag = z.infer<typeof ZFlag>;

export const ZFlagCreated = z.strictObject({ id: z.uuid(), reason: z.enum(FLAG_REASON_VALUES), createdAt: z.iso.datetime() });

/**
 * POST /api/notes/<id>/decisions. `basedOn` is the item's moderationRevision the moderator saw. Hiding tells the
 * author why, and suspending is kept in the account audit with its reason, so both require one.
 */
export const ZDecision = z
  .strictObject({
    action: z.enum(DECISION_ACTIONS, "Choose approve, hide, restore, spam, lock, unlock or suspend"),
    reason: ZReason.optional(),
    basedOn: z.number("The revision this decision is based on").int().min(0),
  })
  .refine((decision) => !["hide", "suspend"].includes(decision.action) || decision.reason !== undefined, {
    message: `Say why (at least ${REASON_MIN} characters); the author is shown the reason`,
    path: ["reason"],
  });
export type TDecision = z.infer<typeof ZDecision>;

export const ZDecisionResult = z.strictObject({ note: ZNoteView });

/** The body of a refused stale decision (409): the state the item is in now. */
export const ZModerationState = z.strictObject({
  moderationStatus: z.enum(["approved", "pending", "hidden", "spam"]),
  moderationRevision: z.number().int().min(0),
  lockedAt: z.iso.datetime().nullable(),
});
export type TModerationState = z.infer<typeof ZModerationState>;

/** PUT /api/moderation/users/<userId>/trust. */
export const ZTrust = z.strictObject({ trusted: z.boolean("Say whether the user is trusted"), reason: ZReason });
export type TTrust = z.infer<typeof ZTrust>;
export const ZTrustResult = z.strictObject({ userId: z.uuid(), trusted: z.boolean() });

/** PUT /api/groups/<groupId>/moderation. */
export const ZGroupMode = z.strictObject({ mode: z.enum(["open", "premoderated"], "Choose open or premoderated") });
export type TGroupMode = z.infer<typeof ZGroupMode>;
export const ZGroupModeResult = z.strictObject({ groupId: z.uuid(), mode: z.enum(["open", "premoderated"]) });
