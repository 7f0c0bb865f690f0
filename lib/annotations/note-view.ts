/** What a reader receives for one note (JSON API and pages). */
export type NoteView = {
  id: string;
  paragraph: string;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  anchorStatus: "anchored" | "orphan";
  referenceType: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  sources: { citation: string; url?: string; doi?: string }[];
  visibility: "private" | "group" | "public";
  group: { id: string; name: string } | null;
  author: { id: string; displayName: string };
  version: number;
  moderationStatus: string;
  /** The index entry the note is about, if its writer linked one. */
  referenceEntry: { id: string; name: string } | null;
  /** For a reply: the note that opened its thread, and the note or reply it answers. Null for a note. */
  threadId: string | null;
  parentId: string | null;
  /** Replies in the thread that are not deleted (notes only; 0 for replies). */
  replyCount: number;
  /** A deleted note kept as a placeholder because its thread has replies: body, tags and sources are emptied. */
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
};
