import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { serverEnv } from "../env";
import type { NotificationKindName } from "./notification-kinds";
import { notificationPermalink } from "./notification-permalink";

const SUBJECTS: Record<NotificationKindName, string> = {
  reply: "New reply",
  mention: "You were mentioned",
  decision: "A review decision on your note",
  flag_resolved: "A flag you raised was resolved",
  queue: "New item in your review queue",
};

/** The message for one notification, the same for every recipient (the address is added per recipient). */
export async function notificationMail(
  tx: Prisma.TransactionClient | PrismaClient,
  input: { kind: NotificationKindName; noteId: string | null; text: string },
): Promise<{ subject: string; text: string }> {
  const env = serverEnv();
  const origin = env.NEXTAUTH_URL ?? env.APP_URL;
  const note = input.noteId
    ? await tx.note.findUnique({ where: { id: input.noteId }, select: { id: true, threadId: true, document: { select: { slug: true } } } })
    : null;
  const link = note && origin ? new URL(notificationPermalink({ id: note.id, threadId: note.threadId, documentSlug: note.document.slug }), origin).href : null;
  const settings = origin ? new URL("/notifications", origin).href : "your notifications page";
  const lines = [input.text, "", ...(link ? [link, ""] : []), `To choose which notifications you get by email, see ${settings}.`];
  return { subject: `Marginalia: ${SUBJECTS[input.kind]}`, text: lines.join("\n") };
}
