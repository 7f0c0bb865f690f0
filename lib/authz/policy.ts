import {
  anyone,
  isAdmin,
  isGroupMember,
  isGroupOwner,
  isGroupStaff,
  inNoteGroup,
  isNoteAuthor,
  isReviewer,
  moderatesAGroup,
  moderatesNote,
  notNoteAuthor,
  peerGateOpen,
  threadIsApproved,
  noteIsApproved,
  noteIsGroup,
  noteIsLive,
  noteIsLiveOrPlaceholder,
  noteIsPublic,
  threadIsOpen,
  draftNotInGroup,
  writerInDraftGroup,
  isOtherUser,
  isSelf,
  signedIn,
  teachesClass,
  isTheStudent,
  notTheStudent,
  gradesReleased,
  gradesAStudent,
  groupIsClass,
  isGroupPlainMember,
  teachesAssignmentClass,
  inAssignmentClass,
  assignmentIsForAClass,
  assignmentNotDraft,
  assignmentIsPublished,
  targetIsNotOwner,
  targetIsOther,
  targetIsPlainMember,
  targetIsSelf,
  type Condition,
} from "./conditions";
import type {
  AssignmentResource,
  ClassResource,
  DocumentResource,
  FeedbackResource,
  GradeResource,
  GroupResource,
  MembershipResource,
  ModerationResource,
  NoteDraftResource,
  NoteResource,
  ReferenceIndexResource,
  SiteResource,
  UserResource,
} from "./resources";

/**
 * Who may do what, on one screen. A permission is allowed when every condition of at least one of its rules holds.
 * `hiddenBy` names the permission that decides whether the actor may know the resource exists: failing that one
 * answers 404 instead of 403. `write` marks permissions an anonymous visitor is asked to sign in for (401).
 */
type Rule<R> = readonly Condition<R>[];
type Entry<R> = { rules: readonly Rule<R>[]; hiddenBy?: string; write: boolean; conflictWhen?: ConflictWhen };
/**
 * `conflictWhen` (on a permission that adds a changeable state to another one): when the actor holds `permission`
 * but not this one, the refusal is a conflict (409) with `message` — a state they may know of and that may change
 * (a locked thread can be unlocked), not a right they lack.
 */
type ConflictWhen = { permission: string; message: string };

// Who may answer a thread, asked of the note that opened it (replies copy its visibility): any active reader.
const NOTE_REPLY_RULES = [
  [signedIn, noteIsLiveOrPlaceholder, isNoteAuthor],
  [signedIn, noteIsLiveOrPlaceholder, noteIsApproved, noteIsPublic, peerGateOpen],
  [signedIn, noteIsLiveOrPlaceholder, noteIsApproved, noteIsGroup, inNoteGroup, peerGateOpen],
] as const;

export const POLICY = {
  "document:read": { write: false, rules: [[anyone]] } as Entry<DocumentResource>,

  "account:manage": { write: true, rules: [[signedIn, isSelf]] } as Entry<UserResource>,
  // Asking for an account, and confirming it from the mailed link: anyone (the link proves the address; the answer
  // is the same for a new and a registered address, lib/auth/sign-up.ts).
  "account:sign-up": { write: false, rules: [[anyone]] } as Entry<SiteResource>,
  // Asking for a reset link, and setting a password with it: anyone (holding the link is the proof).
  "account:reset-password": { write: false, rules: [[anyone]] } as Entry<SiteResource>,
  "profile:read": { write: false, rules: [[anyone]] } as Entry<UserResource>,
  "profile:update": { write: true, rules: [[signedIn, isSelf]] } as Entry<UserResource>,

  "group:create": { write: true, rules: [[signedIn]] } as Entry<SiteResource>,
  "group:read": { write: false, rules: [[isGroupMember], [isAdmin]] } as Entry<GroupResource>,
  "group:update": { write: true, hiddenBy: "group:read", rules: [[isGroupOwner], [isAdmin]] } as Entry<GroupResource>,
  "group:invite": { write: true, hiddenBy: "group:read", rules: [[isGroupStaff], [isAdmin]] } as Entry<GroupResource>,
  // Whoever holds a live join code; a member's join is a harmless no-op (lib/groups/group-operations.ts).
  "group:join": { write: true, rules: [[signedIn]] } as Entry<GroupResource>,
  // Any member; the owner is then refused as a conflict (409) by the operation until they hand the group over,
  // since that is a state they can change, not a right they lack.
  "group:leave": { write: true, hiddenBy: "group:read", rules: [[isGroupMember]] } as Entry<GroupResource>,

  "membership:remove": {
    write: true,
    hiddenBy: "group:read",
    rules: [
      [isGroupOwner, targetIsOther],
      [isGroupStaff, targetIsPlainMember, targetIsOther],
      [isAdmin, targetIsNotOwner],
    ],
  } as Entry<MembershipResource>,
  "membership:change-role": {
    write: true,
    hiddenBy: "group:read",
    rules: [[isGroupOwner, targetIsOther, targetIsNotOwner], [isAdmin, targetIsNotOwner]],
  } as Entry<MembershipResource>,
  "membership:transfer-ownership": {
    write: true,
    hiddenBy: "group:read",
    rules: [[isGroupOwner, targetIsOther], [isAdmin, targetIsOther]],
  } as Entry<MembershipResource>,
  "membership:read-self": { write: false, rules: [[isGroupMember, targetIsSelf]] } as Entry<MembershipResource>,

  // Private notes are their author's alone; group notes are for the group's members; public notes for everyone.
  // Others see an item only once it is approved and, for a reply, once its thread's note is approved too; the
  // author sees their own in any status, and its moderators see every item they may moderate, whatever its status.
  // A deleted note or reply with live replies stays readable, as an empty placeholder, by whoever could read it.
  // A classmate's note on an assignment (and its replies) also waits for the assignment's peer visibility: always,
  // after the reader's own note on that paragraph, or after the due date; its author and the class's teachers (its
  // moderators) see it at once.
  "note:read": {
    write: false,
    rules: [
      [noteIsLiveOrPlaceholder, isNoteAuthor],
      [noteIsLiveOrPlaceholder, noteIsApproved, threadIsApproved, noteIsPublic, peerGateOpen],
      [noteIsLiveOrPlaceholder, noteIsApproved, threadIsApproved, noteIsGroup, inNoteGroup, peerGateOpen],
      [noteIsLiveOrPlaceholder, moderatesNote],
    ],
  } as Entry<NoteResource>,
  // Checked against the note that opened the thread (replies copy its visibility): any active reader may answer.
  "note:reply": { write: true, hiddenBy: "note:read", rules: NOTE_REPLY_RULES } as Entry<NoteResource>,
  // Writing a reply now, and offering to: "note:reply" in a thread that is not locked. Whoever may answer the thread
  // is refused a locked one as a conflict (409), since a moderator may unlock it.
  "thread:reply": {
    write: true,
    hiddenBy: "note:read",
    conflictWhen: { permission: "note:reply", message: "This thread is locked" },
    rules: NOTE_REPLY_RULES.map((rule) => [...rule, threadIsOpen]),
  } as Entry<NoteResource>,
  // A group note goes to a group its writer is in; any other group is, to them, one that does not exist (404).
  "note:create": { write: true, hiddenBy: "note-draft:see-group", rules: [[signedIn, draftNotInGroup], [signedIn, writerInDraftGroup]] } as Entry<NoteDraftResource>,
  "note-draft:see-group": { write: false, rules: [[draftNotInGroup], [writerInDraftGroup]] } as Entry<NoteDraftResource>,
  "note:update": { write: true, hiddenBy: "note:read", rules: [[signedIn, noteIsLive, isNoteAuthor]] } as Entry<NoteResource>,
  "note:delete": { write: true, hiddenBy: "note:read", rules: [[signedIn, noteIsLive, isNoteAuthor]] } as Entry<NoteResource>,

  // Any signed-in reader of a shared, approved item may flag it, except its author; private items are never flagged.
  "note:flag": {
    write: true,
    hiddenBy: "note:read",
    rules: [
      [signedIn, noteIsLive, notNoteAuthor, noteIsApproved, threadIsApproved, noteIsPublic, peerGateOpen],
      [signedIn, noteIsLive, notNoteAuthor, noteIsApproved, threadIsApproved, noteIsGroup, inNoteGroup, peerGateOpen],
    ],
  } as Entry<NoteResource>,
  // Approve, hide, restore, mark spam, lock and unlock: the item's moderators (see moderatesNote), never its author.
  "note:moderate": { write: true, hiddenBy: "note:see-moderation", rules: [[noteIsLive, moderatesNote]] } as Entry<NoteResource>,
  // Who may learn that an item is moderated at all, which decides 404 or 403 for "note:moderate": readers of a
  // public item, the author (private or not), and the item's moderators. A group's other members get 404.
  "note:see-moderation": {
    write: false,
    rules: [
      [noteIsLiveOrPlaceholder, isNoteAuthor],
      [noteIsLiveOrPlaceholder, noteIsApproved, threadIsApproved, noteIsPublic, peerGateOpen],
      [noteIsLiveOrPlaceholder, moderatesNote],
    ],
  } as Entry<NoteResource>,
  // The queue, the moderation log and the dashboard: whoever moderates something (each shows only what they moderate).
  "moderation:review": { write: false, rules: [[isReviewer], [isAdmin], [moderatesAGroup]] } as Entry<ModerationResource>,
  // Trusted writers publish public items without waiting for a reviewer.
  "user:trust": { write: true, rules: [[isReviewer, isOtherUser], [isAdmin, isOtherUser]] } as Entry<UserResource>,
  // A moderation decision that also suspends the item's author, checked on the author after "note:moderate": the
  // moderator can see the note, so a refusal is 403, not the 404 "user:suspend" gives to everyone outside admin.
  "user:suspend-on-decision": { write: true, rules: [[isAdmin, isOtherUser]] } as Entry<UserResource>,
  "group:set-moderation": { write: true, hiddenBy: "group:read", rules: [[isGroupStaff], [isAdmin]] } as Entry<GroupResource>,

  // Correcting the letter's text re-anchors everyone's notes on that paragraph: an editor's act, so admins only.
  "paragraph:correct": { write: true, rules: [[isAdmin]] } as Entry<DocumentResource>,
  // Importing a file of annotations makes notes its importer owns: any signed-in reader; each note's visibility is
  // then asked as "note:create", as if written by hand.
  "annotations:import": { write: true, rules: [[signedIn]] } as Entry<DocumentResource>,

  // The index is editorial content, like the letter: open to every reader. Which linked notes show is "note:read".
  "reference:read": { write: false, rules: [[anyone]] } as Entry<ReferenceIndexResource>,

  // Teaching. A draft is its class's teachers' alone; once published every member of the class sees it. Teachers
  // create, edit, publish and close; a class's member writes notes and replies for it while it is published (a closed
  // one is refused as a conflict by the operations before this is asked).
  "assignment:read": { write: false, rules: [[teachesAssignmentClass], [inAssignmentClass, assignmentNotDraft]] } as Entry<AssignmentResource>,
  "assignment:manage": { write: true, hiddenBy: "assignment:read", rules: [[teachesAssignmentClass, assignmentIsForAClass]] } as Entry<AssignmentResource>,
  "assignment:work": { write: true, hiddenBy: "assignment:read", rules: [[inAssignmentClass, assignmentIsPublished]] } as Entry<AssignmentResource>,

  // Teaching. Private feedback on a student's note: that student and the class's teachers, nobody else (not admins).
  "feedback:read": { write: false, rules: [[signedIn, isTheStudent], [teachesClass]] } as Entry<FeedbackResource>,
  "feedback:write": { write: true, hiddenBy: "feedback:read", rules: [[teachesClass, notTheStudent]] } as Entry<FeedbackResource>,
  // A grade is the teachers'; its student reads it once the assignment's grades are released; another student never.
  "grade:read": { write: false, rules: [[teachesClass], [signedIn, isTheStudent, gradesReleased]] } as Entry<GradeResource>,
  "grade:write": { write: true, hiddenBy: "grade:read", rules: [[teachesClass, notTheStudent]] } as Entry<GradeResource>,
  // Whom a grade may be given to: a student of the class, never its teachers or an outsider. It speaks of the grade's
  // student, not of the actor: a teacher who may grade (grade:write) is refused another user with 400 on studentId.
  "grade:receive": { write: false, rules: [[gradesAStudent]] } as Entry<GradeResource>,
  // Checked on the assignment's class: its teachers release grades and export the gradebook and the class's notes.
  "grade:release": { write: true, hiddenBy: "group:read", rules: [[isGroupStaff]] } as Entry<GroupResource>,
  "gradebook:export": { write: false, rules: [[isGroupStaff]] } as Entry<GroupResource>,
  // Checked on a class: its teachers (owner, moderators) read the per-student table and every grade, and see drafts;
  // its students (plain members) have their own progress on its assignments. Neither exists in a research group.
  "class:teach": { write: false, rules: [[isGroupStaff, groupIsClass]] } as Entry<ClassResource>,
  "class:study": { write: false, rules: [[isGroupPlainMember, groupIsClass]] } as Entry<ClassResource>,
  // Setting a new assignment: the class's teachers; a non-member does not learn of the group (404), anyone else in it
  // (or a research group's staff) is refused (403).
  "assignment:create": { write: true, hiddenBy: "group:read", rules: [[isGroupStaff, groupIsClass]] } as Entry<ClassResource>,

  "admin:access": { write: false, rules: [[isAdmin]] } as Entry<SiteResource>,
  // The development outbox holds password-reset links: only an admin may read it (and only where it exists at all:
  // a demo or development instance without SMTP on this machine, lib/mail/mail-transport.ts). Anyone else gets 404.
  "outbox:read": { write: false, rules: [[isAdmin]] } as Entry<SiteResource>,
  "user:change-role": { write: true, hiddenBy: "admin:access", rules: [[isAdmin, isOtherUser]] } as Entry<UserResource>,
  "user:suspend": { write: true, hiddenBy: "admin:access", rules: [[isAdmin, isOtherUser]] } as Entry<UserResource>,
} satisfies Record<string, Entry<never>>;

export type Permission = keyof typeof POLICY;
export type ResourceOf<P extends Permission> = (typeof POLICY)[P] extends Entry<infer R> ? R : never;
