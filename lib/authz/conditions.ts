import type { Actor } from "./actor";
import type { AssignmentResource, FeedbackResource, GradeResource, GroupResource, MembershipResource, ModerationResource, NoteDraftResource, NoteResource, UserResource } from "./resources";

// One-line conditions the policy table is written in. Each answers for one actor and one resource.
type SignedIn = Extract<Actor, { kind: "user" }>;
export type Condition<R> = (actor: Actor, resource: R) => boolean;

export const anyone: Condition<unknown> = () => true;
export const signedIn: Condition<unknown> = (actor) => actor.kind === "user";
export const active: Condition<unknown> = (actor) => actor.kind === "user" && !actor.suspended;
export const isAdmin: Condition<unknown> = (actor) => active(actor, null) && (actor as SignedIn).siteRole === "admin";
export const isReviewer: Condition<unknown> = (actor) => active(actor, null) && (actor as SignedIn).siteRole === "reviewer";

type InGroup = GroupResource | MembershipResource;
export const isGroupMember: Condition<InGroup> = (actor, group) => active(actor, null) && group.viewerRole !== null;
export const isGroupStaff: Condition<InGroup> = (actor, group) =>
  active(actor, null) && (group.viewerRole === "owner" || group.viewerRole === "moderator");
export const isGroupOwner: Condition<InGroup> = (actor, group) => active(actor, null) && group.viewerRole === "owner";
export const notGroupMember: Condition<GroupResource> = (_actor, group) => group.viewerRole === null;
export const notGroupOwner: Condition<InGroup> = (_actor, group) => group.viewerRole !== "owner";

export const targetIsPlainMember: Condition<MembershipResource> = (_actor, membership) => membership.targetRole === "member";
export const targetIsNotOwner: Condition<MembershipResource> = (_actor, membership) => membership.targetRole !== "owner";
export const targetIsSelf: Condition<MembershipResource> = (actor, membership) =>
  actor.kind === "user" && membership.targetUserId === actor.id;
export const targetIsOther: Condition<MembershipResource> = (actor, membership) => !targetIsSelf(actor, membership);

export const isSelf: Condition<UserResource> = (actor, user) => actor.kind === "user" && actor.id === user.id;
export const isOtherUser: Condition<UserResource> = (actor, user) => !isSelf(actor, user);

export const isNoteAuthor: Condition<NoteResource> = (actor, note) => actor.kind === "user" && actor.id === note.authorId;
export const noteIsLive: Condition<NoteResource> = (_actor, note) => !note.deleted;
/** Live, or deleted but kept as a placeholder so that the replies below it keep their thread. */
export const noteIsLiveOrPlaceholder: Condition<NoteResource> = (_actor, note) => !note.deleted || note.hasReplies;
export const noteIsApproved: Condition<NoteResource> = (_actor, note) => note.moderationStatus === "approved";
/** A note, or a reply whose thread's note is approved: hiding a note hides its replies from everyone but their moderators. */
export const threadIsApproved: Condition<NoteResource> = (_actor, note) => note.threadStatus === null || note.threadStatus === "approved";
export const notNoteAuthor: Condition<NoteResource> = (actor, note) => !isNoteAuthor(actor, note);
/**
 * Who moderates an item (a reply is judged by its thread's visibility and group, which it copies): public items the
 * site's reviewers and admins; group items that group's owners and moderators, and admins; private items nobody.
 * Nobody moderates their own.
 */
export const moderatesNote: Condition<NoteResource> = (actor, note) => {
  if (!active(actor, null) || isNoteAuthor(actor, note)) return false;
  const siteRole = (actor as SignedIn).siteRole;
  if (note.visibility === "public") return siteRole === "reviewer" || siteRole === "admin";
  if (note.visibility === "group") return siteRole === "admin" || note.viewerGroupRole === "owner" || note.viewerGroupRole === "moderator";
  return false;
};
export const moderatesAGroup: Condition<ModerationResource> = (actor, resource) => active(actor, null) && resource.viewerModeratesAGroup;
export const noteIsPublic: Condition<NoteResource> = (_actor, note) => note.visibility === "public";
export const noteIsGroup: Condition<NoteResource> = (_actor, note) => note.visibility === "group";
export const inNoteGroup: Condition<NoteResource> = (actor, note) => active(actor, null) && note.viewerGroupRole !== null;
/**
 * The assignment's peer visibility lets this reader see the note now. The class's teachers (the note group's owners
 * and moderators) always pass; its author passes by the author's own rules.
 */
export const peerGateOpen: Condition<NoteResource> = (_actor, note) =>
  note.peerGate === "open" ||
  note.viewerGroupRole === "owner" ||
  note.viewerGroupRole === "moderator" ||
  (note.peerGate === "needs-own-note" && note.readerHasOwnNoteOnParagraph) ||
  (note.peerGate === "after-due" && note.assignmentDue);
export const draftNotInGroup: Condition<NoteDraftResource> = (_actor, draft) => draft.visibility !== "group";
export const writerInDraftGroup: Condition<NoteDraftResource> = (_actor, draft) => draft.visibility === "group" && draft.viewerGroupRole !== null;

// Teaching: a class's teachers are its owner and moderators; a student is the one whose work or grade it is.
type ClassRecord = FeedbackResource | GradeResource;
export const teachesClass: Condition<ClassRecord> = (actor, record) =>
  active(actor, null) && (record.viewerClassRole === "owner" || record.viewerClassRole === "moderator");
export const isTheStudent: Condition<ClassRecord> = (actor, record) => actor.kind === "user" && actor.id === record.studentId;
export const notTheStudent: Condition<ClassRecord> = (actor, record) => !isTheStudent(actor, record);
export const gradesReleased: Condition<GradeResource> = (_actor, grade) => grade.released;

// Assignments: a class's teachers (owner, moderators) manage them; its students see and work on published ones.
export const teachesAssignmentClass: Condition<AssignmentResource> = (actor, assignment) =>
  active(actor, null) && (assignment.viewerRole === "owner" || assignment.viewerRole === "moderator");
export const inAssignmentClass: Condition<AssignmentResource> = (actor, assignment) => active(actor, null) && assignment.viewerRole !== null;
export const assignmentIsForAClass: Condition<AssignmentResource> = (_actor, assignment) => assignment.groupKind === "class";
export const assignmentNotDraft: Condition<AssignmentResource> = (_actor, assignment) => assignment.state !== "draft";
export const assignmentIsPublished: Condition<AssignmentResource> = (_actor, assignment) => assignment.state === "published";
