import type { NoteView } from "./note-view";
import type { OrderedReply } from "./thread-order";
import type { DiffPart } from "./word-diff";

/** A reply as a thread shows it: where it stands in the nesting, and whom it answers when nesting cannot say. */
export type ReplyView = NoteView & Pick<OrderedReply, "depth" | "inReplyTo">;
/** GET /api/notes/<id>/replies. */
export type ThreadView = { note: NoteView; replies: ReplyView[]; canReply: boolean };

export type NoteVersionView = {
  version: number;
  /** Markdown source of that version. */
  body: string;
  /** Who wrote this version: the author for the first, the editor for the others. */
  editedBy: { id: string; displayName: string };
  at: string;
  /** Word differences from the previous version; null for the first. */
  changes: DiffPart[] | null;
  current: boolean;
};
/** GET /api/notes/<id>/history. */
export type NoteHistoryView = { noteId: string; versions: NoteVersionView[] };
