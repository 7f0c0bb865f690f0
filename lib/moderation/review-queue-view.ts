import { z } from "zod";
import { ZNoteView } from "../annotations/note-view";
import { ZNoteVersionView, ZReplyView } from "../annotations/thread-view";
import { REFERENCE_TYPES } from "../annotations/note-schemas";
import { FLAG_REASON_VALUES } from "./moderation-schemas";

export const FLAG_REASONS = FLAG_REASON_VALUES;
export type TFlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_REASON_LABELS: Record<TFlagReason, string> = {
  inaccurate: "Inaccurate or unsupported",
  offensive: "Offensive",
  spam: "Spam",
  copyright: "Copyright",
  off_topic: "Off-topic",
  other: "Other",
};

/** "off-topic" is the API's spelling elsewhere; both are accepted. */
const ZFlagReasonFilter = z.preprocess((value) => (value === "off-topic" ? "off_topic" : value), z.enum(FLAG_REASONS, "Not a flag reason"));

export const QUEUE_SORTS = ["oldest", "flags"] as const;

/** GET /api/moderation/queue and the /review page's query string. */
export const ZReviewQueueQuery = z.strictObject({
  sort: z.enum(QUEUE_SORTS, "Sort by oldest or flags").default("oldest"),
  reason: ZFlagReasonFilter.optional(),
  group: z.uuid("Not a group id").optional(),
  referenceType: z.enum(REFERENCE_TYPES, "Not a reference type").optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "Malformed cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>;
export type TReviewQueueInput = z.input<typeof ZReviewQueueQuery>;

const ZWhen = z.iso.datetime();

/** The paragraph around the item's passage: the quote marked where it stands, or the whole paragraph. */
export const ZPassageInContext = z.strictObject({
  anchorId: z.string(),
  label: z.string(),
  before: z.string(),
  quote: z.string().nullable(),
  after: z.string(),
  /** The passage could not be placed in today's text (an orphaned note): `before` holds the whole paragraph. */
  orphaned: z.boolean(),
});
export type PassageInContext = z.infer<typeof ZPassageInContext>;

export const ZReviewFlag = z.strictObject({
  id: z.uuid(),
  reason: z.enum(FLAG_REASONS),
  comment: z.string().nullable(),
  /** Moderators may know who flagged; the queue never shows an author their own items. */
  flagger: z.string(),
  createdAt: ZWhen,
});

export const ZModerationRecordView = z.strictObject({
  id: z.uuid(),
  action: z.string(),
  actorLabel: z.string(),
  noteId: z.uuid().nullable(),
  /** Where the note's permalink points (null when the record is not about a note, or the note is gone). */
  documentSlug: z.string().nullable(),
  subjectUser: z.string().nullable(),
  group: z.string().nullable(),
  previousStatus: z.string().nullable(),
  newStatus: z.string().nullable(),
  reason: z.string().nullable(),
  queuedAt: ZWhen.nullable(),
  createdAt: ZWhen,
});
export type ModerationRecordView = z.infer<typeof ZModerationRecordView>;

export const ZAuthorHistory = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  trusted: z.boolean(),
  suspended: z.boolean(),
  /** Notes and replies not deleted, in any status and anywhere (a count only). */
  itemCount: z.number().int().min(0),
  /** Past decisions on their items that this moderator may see in the log, by action. */
  decisions: z.record(z.string(), z.number().int().min(1)),
});

/** An import waiting for review as one entry: the facts of the batch and its first few items, for the decision on all. */
export const ZImportBatchView = z.strictObject({
  id: z.uuid(),
  source: z.string(),
  createdAt: ZWhen,
  noteCount: z.number().int().min(0),
  replyCount: z.number().int().min(0),
  anchored: z.number().int().min(0),
  moved: z.number().int().min(0),
  orphaned: z.number().int().min(0),
  /** Items of the batch still waiting (the lead included): a decision on the lead decides all of them. */
  pending: z.number().int().min(0),
  /** The first items after the lead, in the order written. */
  sample: z.array(
    z.strictObject({
      id: z.uuid(),
      /** Where it stands ("paragraph 2"); null for an orphan, whose passage was not found. */
      place: z.string().nullable(),
      quote: z.string().nullable(),
      bodyHtml: z.string(),
      reply: z.boolean(),
    }),
  ),
});
export type ImportBatchView = z.infer<typeof ZImportBatchView>;

export const ZReviewItem = z.strictObject({
  note: ZNoteView,
  /** What a decision names as basedOn. */
  moderationRevision: z.number().int().min(0),
  moderationStatus: z.enum(["approved", "pending", "hidden", "spam"]),
  queuedAt: ZWhen,
  openFlagCount: z.number().int().min(0),
  documentSlug: z.string(),
  passage: ZPassageInContext.nullable(),
  /** The note that opens the thread and every reply in it, in display order (the item is one of them). */
  thread: z.strictObject({ note: ZNoteView, replies: z.array(ZReplyView) }),
  /** Locking applies to threads: only to a note that opens one. */
  opensThread: z.boolean(),
  locked: z.boolean(),
  flags: z.array(ZReviewFlag),
  author: ZAuthorHistory,
  /** Every version of the item, oldest first; null when it was never edited. */
  history: z.array(ZNoteVersionView).nullable(),
  /** The item's moderation records, oldest first. */
  records: z.array(ZModerationRecordView),
  /** Set when the item is the queued lead of an import waiting as one batch. */
  batch: ZImportBatchView.nullable(),
});
export type ReviewItem = z.infer<typeof ZReviewItem>;

export const ZReviewQueuePage = z.strictObject({
  items: z.array(ZReviewItem),
  nextCursor: z.string().nullable(),
  /** Items in the actor's queue that match the filters (all pages). */
  total: z.number().int().min(0),
});
export type ReviewQueuePage = z.infer<typeof ZReviewQueuePage>;
