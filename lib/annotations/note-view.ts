import { z } from "zod";

/**
 * What a reader receives for one note or reply (JSON API and pages). The JSON API validates every response against
 * these schemas (strict objects: a field added to the domain without adding it here fails loudly in the tests
 * rather than leaking, say, an author's email).
 */
const ZPassageQuote = z.strictObject({ exact: z.string(), prefix: z.string(), suffix: z.string() });
const ZNamed = z.strictObject({ id: z.string(), name: z.string() });

/**
 * What the reader may do with the item, decided on the server by the policy (lib/authz/policy.ts): the page and the
 * browser offer exactly these, and the server checks again when asked.
 */
export const ZNoteActions = z.strictObject({
  mayReply: z.boolean(),
  mayFlag: z.boolean(),
  mayEdit: z.boolean(),
  mayDelete: z.boolean(),
  mayModerate: z.boolean(),
});
export type NoteActions = z.infer<typeof ZNoteActions>;

export const ZNoteView = z.strictObject({
  id: z.uuid(),
  paragraph: z.string(),
  quote: ZPassageQuote.nullable(),
  position: z.strictObject({ start: z.number().int(), end: z.number().int() }).nullable(),
  anchorStatus: z.enum(["anchored", "orphan"]),
  referenceType: z.string(),
  body: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  sources: z.array(z.strictObject({ citation: z.string(), url: z.string().optional(), doi: z.string().optional() })),
  visibility: z.enum(["private", "group", "public"]),
  group: ZNamed.nullable(),
  author: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  version: z.number().int().min(1),
  moderationStatus: z.string(),
  /** Why a moderator hid it: filled for its author and its moderators only, null for everyone else. */
  moderationReason: z.string().nullable(),
  /** A decision names the revision it was made on (`basedOn`); a stale one is refused. */
  moderationRevision: z.number().int().min(0),
  /** Set on a note whose thread is locked (no new replies). */
  lockedAt: z.iso.datetime().nullable(),
  /** Unresolved flags: for its moderators only, 0 for everyone else (the author is never told who flagged, or how many). */
  openFlagCount: z.number().int().min(0),
  /** The assignment a class note (or reply) was written for; private feedback hangs on such notes. */
  assignmentId: z.uuid().nullable().optional(),
  /** The index entry the note is about, if its writer linked one. */
  referenceEntry: ZNamed.nullable(),
  /** For a reply: the note that opened its thread, and the note or reply it answers. Null for a note. */
  threadId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  /** Replies in the thread that are not deleted (notes only; 0 for replies). */
  replyCount: z.number().int().min(0),
  /** An imported note's origin: "Imported from Hypothesis; originally by … on …". Absent for notes written here. */
  attribution: z.string().optional(),
  /** A deleted note kept as a placeholder because its thread has replies: body, tags and sources are emptied. */
  deleted: z.boolean(),
  actions: ZNoteActions,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).meta({ id: "Note" });
export type NoteView = z.infer<typeof ZNoteView>;

/** GET /api/documents/<slug>/notes and …/orphans. */
export const ZNotePage = z.strictObject({ notes: z.array(ZNoteView), nextCursor: z.string().nullable() }).meta({ id: "NotePage" });
