import { isStorableDate } from "../db/storable-date";
import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { isRowId } from "../db/row-id";
import { AppError } from "../errors/app-error";
import { readerContext, toNoteResource } from "../annotations/note-access";
import { notificationPermalink } from "./notification-permalink";
import type { NotificationList, NotificationView } from "./notification-schemas";
import { selfResource } from "./self-resource";

type Row = { id: string; kind: NotificationView["kind"]; noteId: string | null; text: string; readAt: Date | null; createdAt: Date };

function encodeCursor(row: Row): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !isRowId(id) || !isStorableDate(createdAt)) {
    throw new AppError("bad_request", "Invalid input", { fields: { cursor: ["Not a cursor from this list"] } });
  }
  return { createdAt, id };
}

/** "X replied to your note: “…”" without what follows the colon. */
export function withoutQuotation(text: string): string {
  const cut = text.indexOf(": “");
  return cut < 0 ? text : `${text.slice(0, cut)} (no longer available to you)`;
}

/**
 * Permalinks for the items the notifications are about, for those the reader can still read (the policy's
 * "note:read" now, not when they were told): a deleted or hidden item, or one in a group they left, has none.
 */
export async function permalinksFor(prisma: PrismaClient, actor: Actor, noteIds: string[]): Promise<Map<string, string>> {
  if (!noteIds.length) return new Map();
  const [reader, notes] = await Promise.all([
    readerContext(prisma, actor),
    prisma.note.findMany({
      where: { id: { in: noteIds } },
      select: {
        id: true, authorId: true, visibility: true, groupId: true, moderationStatus: true, deletedAt: true, replyCount: true,
        threadId: true, thread: { select: { moderationStatus: true } }, document: { select: { slug: true } }, assignmentId: true, paragraphId: true,
      },
    }),
  ]);
  return new Map(
    notes
      .filter((note) => !note.deletedAt && can(actor, "note:read", toNoteResource(note, reader)))
      .map((note) => [note.id, notificationPermalink({ id: note.id, threadId: note.threadId, documentSlug: note.document.slug })]),
  );
}

export async function unreadNotificationCount(prisma: PrismaClient, actor: Actor): Promise<number> {
  const { userId } = selfResource(actor);
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The actor's notifications, newest first, a page at a time. */
export async function listNotifications(
  prisma: PrismaClient,
  actor: Actor,
  query: { cursor?: string; limit: number; unread: boolean },
): Promise<NotificationList> {
  const { userId } = selfResource(actor);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows: Row[] = await prisma.notification.findMany({
    where: {
      userId,
      ...(query.unread ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, kind: true, noteId: true, text: true, readAt: true, createdAt: true },
  });
  const page = rows.slice(0, query.limit);
  const [links, unreadCount] = await Promise.all([
    permalinksFor(prisma, actor, [...new Set(page.flatMap((row) => (row.noteId ? [row.noteId] : [])))]),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      // A reply's or mention's text quotes the item: once the reader may no longer read it (hidden, deleted, a group
      // they left), the quotation goes too.
      text: row.noteId && !links.has(row.noteId) ? withoutQuotation(row.text) : row.text,
      noteId: row.noteId,
      permalink: row.noteId ? (links.get(row.noteId) ?? null) : null,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    unreadCount,
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}
