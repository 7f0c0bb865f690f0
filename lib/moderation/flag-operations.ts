import { loadNoteForActor } from "../annotations/load-readable-note";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { announceQueued } from "./item-moderators";
import { recordModeration } from "./moderation-records";
import type { TFlag } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

const alreadyFlagged = () => new AppError("conflict", "You already flagged this");

/**
 * A reader flags a note or reply, once: the flag, the item's open-flag count and queue time, and the audit record
 * are written together. The item's moderators are told when its first open flag puts it in their queue. What the
 * flagger gets back names no one; the author is never told who flagged.
 */
export async function flagNote(prisma: PrismaClient, actor: Actor, noteId: string, input: TFlag) {
  const { note, resource } = await loadNoteForActor(prisma, actor, noteId);
  if (note.deletedAt) throw notFound(can(actor, "note:read", resource) ? "This note was deleted" : "Not found");
  assertCan(actor, "note:flag", resource);
  const flagger = actor as SignedIn;
  const existing = await prisma.flag.findUnique({ where: { noteId_flaggerId: { noteId, flaggerId: flagger.id } }, select: { id: true } });
  if (existing) throw alreadyFlagged();

  return prisma.$transaction(async (tx) => {
    const flag = await tx.flag
      .create({ data: { noteId, flaggerId: flagger.id, reason: input.reason, comment: input.comment ?? null } })
      .catch((error: { code?: string }) => {
        // The unique index settles two flags sent at once by the same reader.
        throw error.code === "P2002" ? alreadyFlagged() : error;
      });
    const [counted] = await tx.$queryRaw<{ queuedAt: Date; openFlagCount: number; moderationStatus: string }[]>`
      UPDATE "Note" SET "openFlagCount" = "openFlagCount" + 1, "queuedAt" = COALESCE("queuedAt", ${new Date()}::timestamp)
      WHERE "id" = ${noteId}::uuid AND "deletedAt" IS NULL
      RETURNING "queuedAt", "openFlagCount", "moderationStatus"::text AS "moderationStatus"`;
    if (!counted) throw notFound("This note was deleted");
    await recordModeration(tx, {
      action: "flag",
      actor: flagger,
      noteId,
      subjectUserId: note.authorId,
      groupId: note.groupId,
      previousStatus: counted.moderationStatus,
      newStatus: counted.moderationStatus,
      reason: input.comment ? `${input.reason}: ${input.comment}` : input.reason,
      queuedAt: counted.queuedAt,
    });
    // A pending item is in the queue already (its moderators were told when it was written).
    if (counted.openFlagCount === 1 && counted.moderationStatus !== "pending") await announceQueued(tx, note, "flagged");
    return { id: flag.id, reason: flag.reason, createdAt: flag.createdAt.toISOString() };
  });
}
