import type { Actor, GroupRoleName } from "../authz/actor";
import { can } from "../authz/can";
import { readerContextOf, toNoteResource } from "../annotations/note-access";
import type { NoteView } from "../annotations/note-view";

/**
 * Which of the notes (that open a thread) shown to the actor it may moderate, by the policy's "note:moderate": the
 * page offers its moderation controls on those cards only (the routes check again).
 */
export function moderatableNoteIds(actor: Actor, roles: Map<string, GroupRoleName>, notes: NoteView[]): Set<string> {
  const ids = new Set<string>();
  // "note:moderate" does not look at peer visibility: the roles alone decide, so no assignment facts are loaded.
  const reader = readerContextOf(roles, [], [], new Date());
  for (const note of notes) {
    if (note.threadId !== null) continue;
    const resource = toNoteResource(
      {
        id: note.id,
        authorId: note.author.id,
        visibility: note.visibility,
        groupId: note.group?.id ?? null,
        moderationStatus: note.moderationStatus as "approved" | "pending" | "hidden" | "spam",
        deletedAt: note.deleted ? new Date(note.updatedAt) : null,
        replyCount: note.replyCount,
        threadId: null,
        thread: null,
        assignmentId: null,
        paragraphId: note.paragraph,
      },
      reader,
    );
    if (can(actor, "note:moderate", resource)) ids.add(note.id);
  }
  return ids;
}
