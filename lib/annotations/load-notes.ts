import type { Prisma } from "../db/create-prisma-client";
import { renderNoteMarkdown } from "../markdown/render-note-markdown";
import type { NoteView } from "./note-view";

export const NOTE_INCLUDE = {
  paragraph: { select: { anchorId: true } },
  author: { select: { id: true, displayName: true } },
  group: { select: { id: true, name: true } },
  referenceEntry: { select: { id: true, name: true } },
} satisfies Prisma.NoteInclude;

type LoadedNote = Prisma.NoteGetPayload<{ include: typeof NOTE_INCLUDE }>;

export function toNoteView(note: LoadedNote): NoteView {
  if (note.deletedAt !== null) {
    // A placeholder keeps its place in the thread and says no more than that it was deleted.
    return { ...toNoteView({ ...note, deletedAt: null, body: "", tags: [], sources: [] }), deleted: true, bodyHtml: "" };
  }
  return {
    id: note.id,
    paragraph: note.paragraph.anchorId ?? "",
    quote: note.quoteExact !== null ? { exact: note.quoteExact, prefix: note.quotePrefix ?? "", suffix: note.quoteSuffix ?? "" } : null,
    position: note.positionStart !== null && note.positionEnd !== null ? { start: note.positionStart, end: note.positionEnd } : null,
    anchorStatus: note.anchorStatus,
    referenceType: note.referenceType,
    body: note.body,
    bodyHtml: renderNoteMarkdown(note.body),
    tags: note.tags,
    sources: note.sources as NoteView["sources"],
    visibility: note.visibility,
    group: note.group,
    author: note.author,
    version: note.version,
    moderationStatus: note.moderationStatus,
    referenceEntry: note.referenceEntry,
    threadId: note.threadId,
    parentId: note.parentId,
    replyCount: note.replyCount,
    deleted: note.deletedAt !== null,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
