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
  createdAt: string;
  updatedAt: string;
};
