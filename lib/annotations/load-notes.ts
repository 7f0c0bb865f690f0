import type { Prisma } from "../db/create-prisma-client";
import { bodyHtmlOf } from "../markdown/rendered-body";
import type { NoteActions, NoteView } from "./note-view";

export const NOTE_INCLUDE = {
  paragraph: { select: { anchorId: true } },
  author: { select: { id: true, displayName: true } },
  group: { select: { id: true, name: true } },
  referenceEntry: { select: { id: true, name: true } },
  // A reply is shown to others only while its thread's note is approved (see the "note:read" policy).
} satisfies Prisma.NoteInclude;

type LoadedNote = Prisma.NoteGetPayload<{ include: typeof NOTE_INCLUDE }>;

/**
 * How much of an item's moderation its reader is shown (see moderationSightOf in note-access.ts): the author sees
 * why it was hidden; its moderators see that and its open flags; others neither. The default shows the least.
 */
/** Who a deleted placeholder says wrote it: nobody. */
export const DELETED_AUTHOR = { id: "00000000-0000-0000-0000-000000000000", displayName: "" } as const;

export type ModerationSight = "reader" | "author" | "moderator";

/** How much of its moderation the reader is shown, and what it may do with the item (noteAccessOf in note-access.ts). */
export type NoteAccess = { sight: ModerationSight; actions: NoteActions };

export function toNoteView(note: LoadedNote, access: NoteAccess): NoteView {
  const { sight, actions } = access;
  if (note.deletedAt !== null) {
    // A placeholder keeps its place in the thread and says no more than that it was deleted: not even who wrote it
    // (the nil uuid and an empty name stand for "nobody").
    return {
      ...toNoteView({ ...note, deletedAt: null, body: "", bodyHtml: "", tags: [], sources: [], moderationReason: null, openFlagCount: 0, attribution: null }, access),
      author: DELETED_AUTHOR,
      deleted: true,
      bodyHtml: "",
    };
  }
  return {
    id: note.id,
    paragraph: note.paragraph.anchorId ?? "",
    quote: note.quoteExact !== null ? { exact: note.quoteExact, prefix: note.quotePrefix ?? "", suffix: note.quoteSuffix ?? "" } : null,
    position: note.positionStart !== null && note.positionEnd !== null ? { start: note.positionStart, end: note.positionEnd } : null,
    anchorStatus: note.anchorStatus,
    referenceType: note.referenceType,
    body: note.body,
    bodyHtml: bodyHtmlOf(note),
    tags: note.tags,
    sources: note.sources as NoteView["sources"],
    visibility: note.visibility,
    group: note.group,
    // Only these two: a caller may have loaded more of the author (the review queue loads its record).
    author: { id: note.author.id, displayName: note.author.displayName },
    version: note.version,
    moderationStatus: note.moderationStatus,
    moderationReason: sight === "reader" ? null : note.moderationReason,
    moderationRevision: note.moderationRevision,
    lockedAt: note.lockedAt?.toISOString() ?? null,
    openFlagCount: sight === "moderator" ? note.openFlagCount : 0,
    referenceEntry: note.referenceEntry,
    assignmentId: note.assignmentId,
    threadId: note.threadId,
    parentId: note.parentId,
    replyCount: note.replyCount,
    // Left out when empty, so that views of notes written here read as before.
    ...(note.attribution ? { attribution: note.attribution } : {}),
    deleted: note.deletedAt !== null,
    actions,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
