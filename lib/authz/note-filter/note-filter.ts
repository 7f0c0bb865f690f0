import type { Actor } from "../actor";
import { POLICY } from "../policy";
import type { ReaderContext } from "../reader-context";
import { and, or, toNoteSql, toNoteWhere, type NotePredicate } from "./note-predicate";

type WithWhere = { where?: (actor: Actor, reader: ReaderContext) => NotePredicate };
type NoteEntry = { rules: readonly (readonly WithWhere[])[] };

/** The permissions decided on a NoteResource: each one's query form is derived below from its own rules. */
export const NOTE_PERMISSIONS = ["note:read", "note:reply", "note:update", "note:delete", "note:flag", "note:moderate", "note:see-moderation"] as const;
export type NotePermission = (typeof NOTE_PERMISSIONS)[number];

/**
 * A note permission as a predicate over the notes a query may return, for this actor and reader: the OR of its
 * rules, each the AND of its conditions' query forms (conditions.ts). The same rules can() applies to one note.
 */
export function notePredicate(permission: NotePermission, actor: Actor, reader: ReaderContext): NotePredicate {
  const entry = POLICY[permission] as unknown as NoteEntry;
  return or(
    ...entry.rules.map((rule) =>
      and(
        ...rule.map((condition) => {
          if (!condition.where) throw new Error(`a condition of ${permission} has no query form (conditions.ts: onNotes)`);
          return condition.where(actor, reader);
        }),
      ),
    ),
  );
}

/** The permission as a Prisma filter on Note. */
export function noteWhere(permission: NotePermission, actor: Actor, reader: ReaderContext) {
  return toNoteWhere(notePredicate(permission, actor, reader));
}

/** The permission as an SQL boolean over the note alias (`n` by default). */
export function noteSql(permission: NotePermission, actor: Actor, reader: ReaderContext, alias = "n") {
  return toNoteSql(notePredicate(permission, actor, reader), alias);
}
