import { z } from "zod";
import { loadNoteForActor } from "../annotations/load-readable-note";
import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { announceQueued } from "./item-moderators";
import { recordModeration } from "./moderation-records";
import { ZFlag, ZFlagCreated } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

const alreadyFlagged = () => new AppError("conflict", "You already flagged this");

/**
 * A reader flags a note or reply, once: the flag, the item's open-flag count and queue time, and the moderation
 * record are written together. The item's moderators are told when its first open flag puts it in their queue. What
 * the flagger gets back names no one; the author is never told who flagged. Counted against the flagger's hourly writes.
 */
export const flagNote = defineOperation({
  name: "note.flag",
  input: ZFlag.extend({ noteId: z.string() }),
  output: ZFlagCreated,
  limit: "writes",
  load: async (db, actor, input) => {
    const loaded = await loadNoteForActor(db, actor, input.noteId);
    // A deleted item is gone: those who could read it are told so, anyone else learns nothing.
    if (loaded.note.deletedAt) throw notFound(can(actor, "note:read", loaded.resource) ? "This note was deleted" : "Not found");
    const existing = actor.kind === "user" ? await db.flag.findUnique({ where: { noteId_flaggerId: { noteId: input.noteId, flaggerId: actor.id } }, select: { id: true } }) : null;
    return { ...loaded, alreadyFlagged: existing !== null };
  },
  authorise: ({ loaded }) => check("note:flag", loaded.resource),
  refuse: ({ loaded }) => (loaded.alreadyFlagged ? alreadyFlagged() : null),
  run: async (tx, { actor, input, now, loaded: { note } }) => {
    const flagger = actor as SignedIn;
    const flag = await tx.flag
      .create({ data: { noteId: note.id, flaggerId: flagger.id, reason: input.reason, comment: input.comment ?? null } })
      .catch((error: { code?: string }) => {
        // The unique index settles two flags sent at once by the same reader.
        throw error.code === "P2002" ? alreadyFlagged() : error;
      });
    const [counted] = await tx.$queryRaw<{ queuedAt: Date; openFlagCount: number; moderationStatus: string }[]>`
      UPDATE "Note" SET "openFlagCount" = "openFlagCount" + 1, "queuedAt" = COALESCE("queuedAt", ${now}::timestamp)
      WHERE "id" = ${note.id}::uuid AND "deletedAt" IS NULL
      RETURNING "queuedAt", "openFlagCount", "moderationStatus"::text AS "moderationStatus"`;
    if (!counted) throw notFound("This note was deleted");
    await recordModeration(tx, {
      action: "flag",
      actor: flagger,
      noteId: note.id,
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
  },
});
