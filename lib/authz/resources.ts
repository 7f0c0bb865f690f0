import type { GroupRoleName, SiteRoleName } from "./actor";

/**
 * What a permission is checked against. Each carries the facts its conditions need, including the actor's relation
 * to it (its role in the group), so that the policy itself stays pure and testable without a database.
 */
export type DocumentResource = { type: "document" };
export type GroupResource = { type: "group"; id: string; viewerRole: GroupRoleName | null };
/** A group as teaching asks about it: with its kind, since only a class has teachers (owner, moderators) and students. */
export type ClassResource = GroupResource & { kind: "research" | "class" };
export type MembershipResource = {
  type: "membership";
  groupId: string;
  viewerRole: GroupRoleName | null;
  targetUserId: string;
  targetRole: GroupRoleName;
};
export type UserResource = { type: "user"; id: string; siteRole: SiteRoleName; suspended: boolean };
export type SiteResource = { type: "site" };
/** The reference index: its entries, and the passages of the letter that mention them. */
export type ReferenceIndexResource = { type: "reference-index" };
/** A note, with the actor's role in the note's group (null when the note has no group or the actor is not in it). */
export type NoteResource = {
  type: "note";
  authorId: string;
  visibility: "private" | "group" | "public";
  groupId: string | null;
  viewerGroupRole: GroupRoleName | null;
  moderationStatus: ModerationStatusName;
  /** For a reply: the moderation status of the note that opens its thread (hiding a note hides its replies). Null for a note. */
  threadStatus: ModerationStatusName | null;
  deleted: boolean;
  /**
   * Whether its thread is locked (no new replies): the note's own lock. A reply is answered through the note that
   * opened its thread, so "thread:reply" is asked of that note (lib/annotations/note-access.ts).
   */
  locked: boolean;
  /** Whether live (not deleted) replies hang below it: a deleted note or reply with some stays as a placeholder. */
  hasReplies: boolean;
  /**
   * Peer visibility of a class note written for an assignment (a reply copies its thread's assignment): whether a
   * reader who is neither its author nor its moderator may see it. "open" for a note without an assignment or with
   * peer visibility "always"; "needs-own-note" until the reader has a live note of their own on the same paragraph
   * for the same assignment; "after-due" until the assignment's due instant; "closed" when the assignment is not in
   * one of the reader's groups.
   */
  peerGate: PeerGate;
  /** The reader has a live note (not a reply) of their own on this paragraph for this note's assignment. */
  readerHasOwnNoteOnParagraph: boolean;
  /** The note's assignment is past its due instant (now ≥ dueAt). */
  assignmentDue: boolean;
};
export type PeerGate = "open" | "needs-own-note" | "after-due" | "closed";
export type ModerationStatusName = "approved" | "pending" | "hidden" | "spam";
/** The moderation tools (queue, log, dashboard): whether the actor is an owner or moderator of at least one group. */
export type ModerationResource = { type: "moderation"; viewerModeratesAGroup: boolean };
/** A note about to be written: where it will be visible, and the writer's role in the chosen group. */
export type NoteDraftResource = { type: "note-draft"; visibility: "private" | "group" | "public"; viewerGroupRole: GroupRoleName | null };

/**
 * Private feedback on a student's note for an assignment: the note's author, and the viewer's role in the note's class
 * (owners and moderators are its teachers).
 */
export type FeedbackResource = { type: "feedback"; studentId: string; viewerClassRole: GroupRoleName | null };
/**
 * One student's grade on an assignment: whose it is, that user's role in the class (null: not in it), the viewer's
 * role in the class, whether grades are released.
 */
export type GradeResource = {
  type: "grade";
  studentId: string;
  studentClassRole: GroupRoleName | null;
  viewerClassRole: GroupRoleName | null;
  released: boolean;
};

/**
 * A class's assignment, with the viewer's role in the class; for creating one, the class with state "draft".
 * groupKind: assignments belong to classes only.
 */
export type AssignmentResource = {
  type: "assignment";
  groupId: string;
  groupKind: "research" | "class";
  viewerRole: GroupRoleName | null;
  state: "draft" | "published" | "closed";
};

export type Resource =
  | DocumentResource
  | GroupResource
  | MembershipResource
  | UserResource
  | SiteResource
  | NoteResource
  | NoteDraftResource
  | ModerationResource
  | ReferenceIndexResource
  | FeedbackResource
  | GradeResource
  | AssignmentResource;
