import { z } from "zod";
import { ZNoteView } from "./note-view";
import type { DiffPart } from "./word-diff";

const ZDiffPart: z.ZodType<DiffPart> = z.strictObject({ kind: z.enum(["same", "added", "removed"]), text: z.string() });

/** A reply as a thread shows it: where it stands in the nesting, and whom it answers when nesting cannot say. */
export const ZReplyView = ZNoteView.extend({
  depth: z.number().int().min(1),
  inReplyTo: z.strictObject({ id: z.uuid(), author: z.string().nullable() }).nullable(),
}).meta({ id: "Reply" });
export type ReplyView = z.infer<typeof ZReplyView>;

/** GET /api/notes/<id>/replies. */
export const ZThreadView = z.strictObject({ note: ZNoteView, replies: z.array(ZReplyView), canReply: z.boolean() }).meta({ id: "Thread" });
export type ThreadView = z.infer<typeof ZThreadView>;

export const ZNoteVersionView = z.strictObject({
  version: z.number().int().min(1),
  /** Markdown source of that version. */
  body: z.string(),
  /** Who wrote this version: the author for the first, the editor for the others. */
  editedBy: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  at: z.iso.datetime(),
  /** Word differences from the previous version; null for the first. */
  changes: z.array(ZDiffPart).nullable(),
  current: z.boolean(),
}).meta({ id: "NoteVersion" });
export type NoteVersionView = z.infer<typeof ZNoteVersionView>;

/** GET /api/notes/<id>/history. */
export const ZNoteHistoryView = z.strictObject({ noteId: z.uuid(), versions: z.array(ZNoteVersionView) }).meta({ id: "NoteHistory" });
export type NoteHistoryView = z.infer<typeof ZNoteHistoryView>;
