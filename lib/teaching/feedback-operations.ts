import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { FeedbackResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { ZRowId } from "../db/row-id";
import { notFound } from "../errors/app-error";
import { loadNoteForActor } from "../annotations/load-readable-note";
import { check, defineOperation } from "../operations/define-operation";
import type { NoteView } from "../annotations/note-view";
import type { RequestContext } from "../request/request-context";
import { ZFeedbackInput, ZFeedbackView, type FeedbackState, type FeedbackView } from "./feedback-schemas";

const FEEDBACK_SELECT = { id: true, noteId: true, body: true, createdAt: true, author: { select: { id: true, displayName: true } } } as const;

function toFeedbackView(row: { id: string; noteId: string; body: string; createdAt: Date; author: { id: string; displayName: string } }): FeedbackView {
  return { id: row.id, noteId: row.noteId, body: row.body, author: row.author, createdAt: row.createdAt.toISOString() };
}

/**
 * A student's note or reply written for an assignment in a class, with the feedback policy's facts. Whoever may not
 * read the note, or any note outside an assignment, gets 404: there is no feedback to speak of.
 */
async function loadFeedbackTarget(prisma: PrismaClient, actor: Actor, noteId: string) {
  const { note, resource } = await loadNoteForActor(prisma, actor, noteId);
  if (!can(actor, "note:read", resource)) throw notFound();
  if (!note.assignmentId || note.visibility !== "group" || !note.groupId) throw notFound();
  const feedback: FeedbackResource = { type: "feedback", studentId: note.authorId, viewerClassRole: resource.viewerGroupRole };
  return { note: { ...note, assignmentId: note.assignmentId }, feedback };
}

/** The private feedback on a note: for its author (the student) and the class's teachers; 404 for everyone else. */
export async function listFeedback(prisma: PrismaClient, actor: Actor, noteId: string): Promise<{ feedback: FeedbackView[]; mayWrite: boolean }> {
  const { note, feedback } = await loadFeedbackTarget(prisma, actor, noteId);
  assertCan(actor, "feedback:read", feedback);
  const rows = await prisma.feedback.findMany({ where: { noteId: note.id }, select: FEEDBACK_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { feedback: rows.map(toFeedbackView), mayWrite: can(actor, "feedback:write", feedback) && note.deletedAt === null };
}

/**
 * A teacher's private feedback on a student's live note (403 to the student, 404 to classmates and outsiders).
 * Audited without its text: the feedback is for the student and the class's teachers alone, not for the audit log's readers.
 */
export const addFeedback = defineOperation({
  name: "feedback.add",
  input: ZFeedbackInput.extend({ noteId: ZRowId }),
  output: ZFeedbackView,
  load: (db, actor, input) => loadFeedbackTarget(db, actor, input.noteId),
  authorise: ({ loaded }) => check("feedback:write", loaded.feedback),
  refuse: ({ loaded }) => (loaded.note.deletedAt !== null ? notFound() : null),
  run: (tx, { actor, input, loaded: { note } }) =>
    tx.feedback.create({
      data: { noteId: note.id, assignmentId: note.assignmentId, authorId: (actor as Extract<Actor, { kind: "user" }>).id, body: input.body },
      select: FEEDBACK_SELECT,
    }),
  audit: ({ loaded: { note }, result }) => ({ action: "feedback.add", subjectId: note.authorId, groupId: note.groupId, targetId: note.id, after: result.id }),
  present: toFeedbackView,
});

/**
 * The feedback on every shown note that has some for this reader, in one statement, for a page's data (so that no
 * card asks for its own): the notes written for an assignment that the reader may read feedback on, as
 * "feedback:read" says (the student, the class's teachers). Notes the reader may not read are not among `notes`.
 */
export async function feedbackForNotes(
  prisma: PrismaClient,
  ctx: RequestContext,
  notes: Pick<NoteView, "id" | "assignmentId" | "visibility" | "group" | "author" | "deleted">[],
): Promise<Map<string, FeedbackState>> {
  const { actor, reader } = ctx;
  const targets = notes.flatMap((note) => {
    if (!note.assignmentId || note.visibility !== "group" || !note.group || note.deleted) return [];
    const resource: FeedbackResource = { type: "feedback", studentId: note.author.id, viewerClassRole: reader.roles.get(note.group.id) ?? null };
    return can(actor, "feedback:read", resource) ? [{ id: note.id, mayWrite: can(actor, "feedback:write", resource) }] : [];
  });
  if (targets.length === 0) return new Map();
  const rows = await prisma.feedback.findMany({
    where: { noteId: { in: targets.map((target) => target.id) } },
    select: FEEDBACK_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return new Map(
    targets.map(({ id, mayWrite }) => [id, { feedback: rows.filter((row) => row.noteId === id).map(toFeedbackView), mayWrite }]),
  );
}
