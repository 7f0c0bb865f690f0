import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { noteMarkdownToText } from "../markdown/note-markdown-to-text";
import { mentionedReaders } from "./mention-recipients";
import { parseMentions } from "./mentions";
import { notify } from "./notify";
import { readersAmong } from "./readers-among";

type Client = Prisma.TransactionClient | PrismaClient;

const EXCERPT = 140;

const ITEM_SELECT = {
  id: true, authorId: true, body: true, visibility: true, groupId: true, threadId: true, parentId: true,
  moderationStatus: true, deletedAt: true,
  author: { select: { displayName: true } },
  thread: { select: { authorId: true } },
  parent: { select: { authorId: true, threadId: true } },
} satisfies Prisma.NoteSelect;
type Item = Prisma.NoteGetPayload<{ select: typeof ITEM_SELECT }>;

function excerpt(body: string): string {
  const text = noteMarkdownToText(body).replace(/\s+/g, " ");
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

async function loadItem(tx: Client, itemId: string): Promise<Item | null> {
  return tx.note.findUnique({ where: { id: itemId }, select: ITEM_SELECT });
}

/** Tells the note's author and the answered reply's author about a reply (each only if they can read it). */
async function notifyReplyRecipients(tx: Client, reply: Item): Promise<Set<string>> {
  const told = new Set<string>();
  if (!reply.threadId || !reply.thread) return told;
  const who = reply.author.displayName;
  const quoted = excerpt(reply.body);
  const parentReplyAuthor = reply.parent && reply.parent.threadId ? reply.parent.authorId : null;
  const readers = new Set(await readersAmong(tx, reply.id, [reply.thread.authorId, ...(parentReplyAuthor ? [parentReplyAuthor] : [])]));
  readers.delete(reply.authorId);
  // Someone who wrote both the note and the answered reply hears about the reply to their reply, once.
  if (parentReplyAuthor && readers.has(parentReplyAuthor)) {
    await notify(tx, { userIds: [parentReplyAuthor], kind: "reply", noteId: reply.id, text: `${who} replied to your reply: “${quoted}”`, excludeUserId: reply.authorId });
    told.add(parentReplyAuthor);
  }
  if (readers.has(reply.thread.authorId) && !told.has(reply.thread.authorId)) {
    await notify(tx, { userIds: [reply.thread.authorId], kind: "reply", noteId: reply.id, text: `${who} replied to your note: “${quoted}”`, excludeUserId: reply.authorId });
    told.add(reply.thread.authorId);
  }
  return told;
}

async function notifyMentions(tx: Client, item: Item, keys: string[], alreadyTold: Set<string>): Promise<void> {
  if (!keys.length) return;
  const named = (await mentionedReaders(tx, item, keys)).filter((id) => id !== item.authorId && !alreadyTold.has(id));
  if (!named.length) return;
  const where = item.threadId ? "a reply" : "a note";
  await notify(tx, { userIds: named, kind: "mention", noteId: item.id, text: `${item.author.displayName} mentioned you in ${where}: “${excerpt(item.body)}”`, excludeUserId: item.authorId });
}

/**
 * After a note or reply is created, in its transaction: replies tell the note's author and the answered reply's author;
 * @mentions tell the people named who can read it. An item that is not approved (waiting for review) tells nobody
 * here: its moderators are told by the moderation code, and these notifications follow when it is approved
 * (notifyOnApproval).
 */
export async function notifyNewItem(tx: Client, itemId: string): Promise<void> {
  const item = await loadItem(tx, itemId);
  if (!item || item.deletedAt || item.moderationStatus !== "approved") return;
  const told = await notifyReplyRecipients(tx, item);
  await notifyMentions(tx, item, parseMentions(item.body), told);
}

/** After an edit, in its transaction: only mentions the edit added are told (an approved item only, as above). */
export async function notifyEditedItem(tx: Client, itemId: string, previousBody: string): Promise<void> {
  const item = await loadItem(tx, itemId);
  if (!item || item.deletedAt || item.moderationStatus !== "approved") return;
  const before = new Set(parseMentions(previousBody));
  await notifyMentions(tx, item, parseMentions(item.body).filter((key) => !before.has(key)), new Set());
}

/**
 * For the moderation code, in the transaction that approves an item that was waiting for review (pending →
 * approved): sends the reply and mention notifications held back at creation, for the item as it now reads.
 * Restoring a hidden item does not call this: it was approved, and announced, before.
 */
export async function notifyOnApproval(tx: Client, itemId: string): Promise<void> {
  await notifyNewItem(tx, itemId);
}
