import { recordChanges } from "../live/change-feed";
import { writeSuspension } from "../admin/admin-operations";
import { loadUserResource } from "../admin/load-user";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { noteAccessOf } from "../annotations/note-access";
import { loadNoteForActor } from "../annotations/load-readable-note";
import { ZNoteView } from "../annotations/note-view";
import type { Actor } from "../authz/actor";
import { can } from "../authz/can";
import type { Prisma } from "../db/create-prisma-client";
import { ZRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import { check, defineOperation } from "../operations/define-operation";
import { notifyOnApproval } from "../notifications/note-activity";
import { notify } from "../notifications/notify";
import { decideRestOfBatch } from "./import-batch";
import { recordModeration } from "./moderation-records";
import { ZDecision, type TDecisionAction, type TModerationState } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;
type Status = "approved" | "pending" | "hidden" | "spam";
type Current = { moderationStatus: Status; moderationRevision: number; lockedAt: Date | null; queuedAt: Date | null; openFlagCount: number };

/** Decisions on an item's status; they resolve its open flags and take it out of the queue. */
const STATUS_OF: Partial<Record<TDecisionAction, Status>> = { approve: "approved", hide: "hidden", restore: "approved", spam: "spam" };

const stateOf = (current: Current): TModerationState => ({
  moderationStatus: current.moderationStatus,
  moderationRevision: current.moderationRevision,
  lockedAt: current.lockedAt?.toISOString() ?? null,
});

/** 409 with the item's state now, so the moderator's screen can show what the other decision left. */
const conflict = (message: string, current: Current) => new AppError("conflict", message, { body: { current: stateOf(current) } });

/** Why this action cannot follow from the state the moderator saw (null when it can). */
function refusal(action: TDecisionAction, current: Current, authorSuspended: boolean): string | null {
  switch (action) {
    case "approve":
      if (current.moderationStatus === "hidden" || current.moderationStatus === "spam") return "This note is hidden; restore it instead";
      return current.moderationStatus === "approved" && current.openFlagCount === 0 ? "This note is already approved" : null;
    case "hide":
      return current.moderationStatus === "hidden" ? "This note is already hidden" : null;
    case "spam":
      return current.moderationStatus === "spam" ? "This note is already marked as spam" : null;
    case "restore":
      return current.moderationStatus === "hidden" || current.moderationStatus === "spam" ? null : "Only a hidden note or spam can be restored";
    case "lock":
    case "unlock":
      if (action === "lock") return current.lockedAt ? "This thread is already locked" : null;
      return current.lockedAt ? null : "This thread is not locked";
    case "suspend":
      return authorSuspended ? "The author is already suspended" : null;
  }
}

type AuthorText = (reason: string | undefined, items: number) => string;

const AUTHOR_TEXT: Partial<Record<TDecisionAction, AuthorText>> = {
  approve: () => "Your note was approved: others can now see it",
  hide: (reason) => `A moderator hid your note: ${reason ?? ""}`,
  restore: () => "Your note was restored: others can see it again",
};

const items = (count: number) => (count === 1 ? "1 note or reply" : `${count.toLocaleString("en")} notes and replies`);
const BATCH_TEXT: Partial<Record<TDecisionAction, AuthorText>> = {
  approve: (_, count) => `Your import was approved: its ${items(count)} can now be seen by others`,
  hide: (reason, count) => `A moderator hid your import (${items(count)}): ${reason ?? ""}`,
};

/** Lock and unlock act on a thread, so on the note that opens it: refused (400) on a reply. */
const lockOnReply = () => new AppError("bad_request", "Invalid input", { fields: { action: ["Lock or unlock the thread's note, not a reply"] } });

/**
 * A moderator's decision on a note or reply, based on the revision they saw (`basedOn`). Everything happens in one
 * transaction: the conditional UPDATE (… WHERE moderationRevision = basedOn, which it raises by one), so that of two
 * decisions made on the same revision exactly one wins and the other is refused with 409 and the state now; the
 * resolution of the item's open flags; the moderation record (the moderation log is its audit trail); the
 * suspension with its account audit record (admins); and the notifications of the author and of the flaggers.
 */
export const decide = defineOperation({
  name: "moderation.decide",
  input: ZDecision.safeExtend({ noteId: ZRowId }),
  output: ZNoteView,
  load: async (db, actor, input) => {
    const { note, resource } = await loadNoteForActor(db, actor, input.noteId);
    if (note.deletedAt) {
      // Only those who could have moderated it learn that it was deleted.
      throw notFound(can(actor, "note:moderate", { ...resource, deleted: false }) ? "This note was deleted" : "Not found");
    }
    const author = input.action === "suspend" ? await loadUserResource(db, note.authorId) : null;
    return { note, resource, author };
  },
  authorise: ({ loaded }) => [check("note:moderate", loaded.resource), ...(loaded.author ? [check("user:suspend-on-decision", loaded.author)] : [])],
  refuse: ({ input, loaded }) => ((input.action === "lock" || input.action === "unlock") && loaded.note.threadId ? lockOnReply() : null),
  run: async (tx, { actor, input, loaded: { note, resource, author }, clock, now }) => {
    const moderator = actor as SignedIn;
    const noteId = input.noteId;
    const current = await readState(tx, noteId);
    if (!current) throw notFound("This note was deleted");
    if (current.moderationRevision !== input.basedOn) {
      throw conflict("Another decision was made on this note meanwhile; here is its state now", current);
    }
    const refused = refusal(input.action, current, author?.suspended ?? false);
    if (refused) throw conflict(refused, current);

    const newStatus = STATUS_OF[input.action];
    const data: Prisma.NoteUncheckedUpdateManyInput = { moderationRevision: { increment: 1 } };
    // A decided item leaves its import's batch (lib/moderation/import-batch.ts): only items still waiting belong to one.
    if (newStatus) Object.assign(data, { moderationStatus: newStatus, moderationReason: newStatus === "approved" ? null : (input.reason ?? null), openFlagCount: 0, queuedAt: null, importBatchId: null });
    if (input.action === "lock") data.lockedAt = now;
    if (input.action === "unlock") data.lockedAt = null;
    const { count } = await tx.note.updateMany({ where: { id: noteId, moderationRevision: input.basedOn, deletedAt: null }, data });
    if (count === 0) {
      const state = await readState(tx, noteId);
      if (!state) throw notFound("This note was deleted");
      throw conflict("Another decision was made on this note meanwhile; here is its state now", state);
    }

    // A thread's status travels with its replies (Note.threadStatus): hiding a note hides its replies at once.
    if (newStatus) await tx.note.updateMany({ where: { threadId: noteId }, data: { threadStatus: newStatus } });
    // A thread's replyCount counts its approved replies: a reply entering or leaving "approved" changes it.
    if (newStatus && note.threadId) {
      const delta = Number(newStatus === "approved") - Number(current.moderationStatus === "approved");
      if (delta) await tx.note.update({ where: { id: note.threadId }, data: { replyCount: { increment: delta } } });
    }
    // The queued lead of an import waiting for review decides its whole batch (lib/moderation/import-batch.ts).
    const batch = note.importBatchId && newStatus && current.moderationStatus === "pending" ? note.importBatchId : null;
    const decidedWithIt = batch ? await decideRestOfBatch(tx, batch, noteId, newStatus!, input.reason ?? null) : 0;
    const flaggers = newStatus ? await resolveFlags(tx, noteId, moderator.id, input.action, now) : [];
    if (author) await writeSuspension(tx, moderator, author, { suspended: true, reason: input.reason! }, clock);
    // Live readers re-check the item (and a whole decided batch) under their own rights: it may arrive or leave.
    await recordChanges(tx, [{ kind: "note.moderated", documentId: note.documentId, noteId, groupId: note.groupId }, ...(author ? [{ kind: "access.changed" as const, userId: author.id }] : [])]);
    await recordModeration(tx, {
      action: input.action,
      actor: moderator,
      noteId,
      subjectUserId: note.authorId,
      groupId: note.groupId,
      ...transition(input.action, current, newStatus),
      reason: batch ? [input.reason, `an import decided as one: this and ${decidedWithIt} more`].filter(Boolean).join("; ") : (input.reason ?? null),
      queuedAt: current.queuedAt,
    });

    // Replies and mentions in an item that waited for review are announced once it is published.
    // Not for an import: mentions in imported text tell nobody, and the importer hears once for the batch.
    if (current.moderationStatus === "pending" && newStatus === "approved" && !batch) await notifyOnApproval(tx, noteId);
    const authorText = batch ? BATCH_TEXT[input.action] : AUTHOR_TEXT[input.action];
    if (authorText && newStatus !== current.moderationStatus) {
      await notify(tx, { userIds: [note.authorId], kind: "decision", noteId, text: authorText(input.reason, decidedWithIt + 1), excludeUserId: moderator.id });
    }
    if (flaggers.length) {
      const outcome = newStatus === "approved" ? "it stays visible" : newStatus === "spam" ? "it was marked as spam" : "it was hidden";
      await notify(tx, { userIds: flaggers, kind: "flag_resolved", noteId, text: `A moderator reviewed the ${note.threadId ? "reply" : "note"} you flagged: ${outcome}`, excludeUserId: moderator.id });
    }
    const after = await tx.note.findUniqueOrThrow({ where: { id: noteId }, include: NOTE_INCLUDE });
    // The item as its moderator sees it now: its new status, and its lock when the decision (un)locked its thread.
    const decided = { ...resource, moderationStatus: after.moderationStatus };
    return toNoteView(after, noteAccessOf(actor, decided, { locked: after.lockedAt !== null }));
  },
});

async function readState(tx: Prisma.TransactionClient, noteId: string): Promise<Current | null> {
  return tx.note.findFirst({
    where: { id: noteId, deletedAt: null },
    select: { moderationStatus: true, moderationRevision: true, lockedAt: true, queuedAt: true, openFlagCount: true },
  });
}

/** Marks every open flag of the item resolved by this decision; answers who had flagged it. */
async function resolveFlags(tx: Prisma.TransactionClient, noteId: string, moderatorId: string, action: TDecisionAction, at: Date): Promise<string[]> {
  const open = await tx.flag.findMany({ where: { noteId, resolvedAt: null }, select: { flaggerId: true } });
  if (open.length) await tx.flag.updateMany({ where: { noteId, resolvedAt: null }, data: { resolvedAt: at, resolvedById: moderatorId, resolution: action } });
  return open.map((flag) => flag.flaggerId);
}

/** What the record says changed: the status for status decisions, the lock for locks, the account for a suspension. */
function transition(action: TDecisionAction, current: Current, newStatus: Status | undefined) {
  if (newStatus) return { previousStatus: current.moderationStatus, newStatus };
  if (action === "lock" || action === "unlock") return { previousStatus: current.lockedAt ? "locked" : "unlocked", newStatus: action === "lock" ? "locked" : "unlocked" };
  return { previousStatus: "active", newStatus: "suspended" };
}
