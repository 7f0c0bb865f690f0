import type { Actor } from "./actor";
import { and, eq, FALSE, isIn, isNull, ne, or, positive, TRUE, type NotePredicate } from "./note-filter/note-predicate";
import { openPeerGates, staffGroupIds, type ReaderContext } from "./reader-context";
import type { AssignmentResource, ClassResource, FeedbackResource, GradeResource, GroupResource, MembershipResource, ModerationResource, NoteDraftResource, NoteResource, UserResource } from "./resources";

// One-line conditions the policy table is written in. Each answers for one actor and one resource.
// A condition that note permissions use also states, beside its predicate, the same rule as a query over the note's
// columns (`where`, in lib/authz/note-filter/note-predicate.ts): lists, counts, search and feeds filter with the
// query form derived from the very rules can() applies (note-filter.ts). The grid test proves the two agree.
type SignedIn = Extract<Actor, { kind: "user" }>;
export type Condition<R> = (actor: Actor, resource: R) => boolean;
export type NoteWhere = (actor: Actor, reader: ReaderContext) => NotePredicate;
export type NoteCondition = Condition<NoteResource> & { where: NoteWhere };

/** A condition on a note with its query form: `holds` for one note, `where` for all the notes a query may return. */
function onNotes(holds: Condition<NoteResource>, where: NoteWhere): NoteCondition {
  return Object.assign(holds, { where });
}

/** A condition on the actor alone: as a query it is TRUE or FALSE for every note. */
function onActor<R>(holds: (actor: Actor) => boolean): Condition<R> & { where: NoteWhere } {
  return Object.assign((actor: Actor) => holds(actor), { where: (actor: Actor) => (holds(actor) ? TRUE : FALSE) });
}

export const anyone = onActor<unknown>(() => true);
// Signed in is active: a suspended account has no actor at all, since suspension ends its sessions and tokens
// (lib/auth/sessions.ts, lib/tokens/token-actor.ts) and its next request reads as anonymous.
export const signedIn = onActor<unknown>((actor) => actor.kind === "user");
export const isAdmin = onActor<unknown>((actor) => signedIn(actor, null) && (actor as SignedIn).siteRole === "admin");
export const isReviewer = onActor<unknown>((actor) => signedIn(actor, null) && (actor as SignedIn).siteRole === "reviewer");

type InGroup = GroupResource | MembershipResource;
export const isGroupMember: Condition<InGroup> = (actor, group) => signedIn(actor, null) && group.viewerRole !== null;
export const isGroupStaff: Condition<InGroup> = (actor, group) =>
  signedIn(actor, null) && (group.viewerRole === "owner" || group.viewerRole === "moderator");
export const isGroupOwner: Condition<InGroup> = (actor, group) => signedIn(actor, null) && group.viewerRole === "owner";

export const targetIsPlainMember: Condition<MembershipResource> = (_actor, membership) => membership.targetRole === "member";
export const targetIsNotOwner: Condition<MembershipResource> = (_actor, membership) => membership.targetRole !== "owner";
export const targetIsSelf: Condition<MembershipResource> = (actor, membership) =>
  actor.kind === "user" && membership.targetUserId === actor.id;
export const targetIsOther: Condition<MembershipResource> = (actor, membership) => !targetIsSelf(actor, membership);

export const isSelf: Condition<UserResource> = (actor, user) => actor.kind === "user" && actor.id === user.id;
export const isOtherUser: Condition<UserResource> = (actor, user) => !isSelf(actor, user);

const authorIs = (actor: Actor) => (actor.kind === "user" ? eq("authorId", actor.id) : FALSE);

export const isNoteAuthor = onNotes((actor, note) => actor.kind === "user" && actor.id === note.authorId, authorIs);
export const noteIsLive = onNotes((_actor, note) => !note.deleted, () => isNull("deletedAt"));
/**
 * Live, or deleted but kept as a placeholder so that the replies below it keep their thread. As a query this reads
 * the thread's reply count, exact for the notes that open threads; a deleted reply is placed by the thread code.
 */
export const noteIsLiveOrPlaceholder = onNotes(
  (_actor, note) => !note.deleted || note.hasReplies,
  () => or(isNull("deletedAt"), positive("replyCount")),
);
export const noteIsApproved = onNotes((_actor, note) => note.moderationStatus === "approved", () => eq("moderationStatus", "approved"));
/** A note, or a reply whose thread's note is approved: hiding a note hides its replies from everyone but their moderators. */
export const threadIsApproved = onNotes(
  (_actor, note) => note.threadStatus === null || note.threadStatus === "approved",
  () => or(isNull("threadId"), eq("threadStatus", "approved")),
);
/** A thread that takes replies: the note that opens it is not locked (see NoteResource.locked). */
export const threadIsOpen: Condition<NoteResource> = (_actor, note) => !note.locked;
export const notNoteAuthor = onNotes(
  (actor, note) => !isNoteAuthor(actor, note),
  (actor) => (actor.kind === "user" ? ne("authorId", actor.id) : TRUE),
);
/**
 * Who moderates an item (a reply is judged by its thread's visibility and group, which it copies): public items the
 * site's reviewers and admins; group items that group's owners and moderators, and admins; private items nobody.
 * Nobody moderates their own.
 */
export const moderatesNote = onNotes(
  (actor, note) => {
    if (!signedIn(actor, null) || isNoteAuthor(actor, note)) return false;
    const siteRole = (actor as SignedIn).siteRole;
    if (note.visibility === "public") return siteRole === "reviewer" || siteRole === "admin";
    if (note.visibility === "group") return siteRole === "admin" || note.viewerGroupRole === "owner" || note.viewerGroupRole === "moderator";
    return false;
  },
  (actor, reader) => {
    if (!signedIn(actor, null)) return FALSE;
    const siteRole = (actor as SignedIn).siteRole;
    return and(
      ne("authorId", (actor as SignedIn).id),
      or(
        siteRole === "reviewer" || siteRole === "admin" ? eq("visibility", "public") : FALSE,
        siteRole === "admin" ? eq("visibility", "group") : and(eq("visibility", "group"), isIn("groupId", staffGroupIds(reader.roles))),
      ),
    );
  },
);
export const moderatesAGroup: Condition<ModerationResource> = (actor, resource) => signedIn(actor, null) && resource.viewerModeratesAGroup;
export const noteIsPublic = onNotes((_actor, note) => note.visibility === "public", () => eq("visibility", "public"));
export const noteIsGroup = onNotes((_actor, note) => note.visibility === "group", () => eq("visibility", "group"));
export const inNoteGroup = onNotes(
  (actor, note) => signedIn(actor, null) && note.viewerGroupRole !== null,
  (actor, reader) => (signedIn(actor, null) ? isIn("groupId", [...reader.roles.keys()]) : FALSE),
);
/**
 * The assignment's peer visibility lets this reader see the note now. The class's teachers (the note group's owners
 * and moderators) always pass; its author passes by the author's own rules.
 */
export const peerGateOpen = onNotes(
  (_actor, note) =>
    note.peerGate === "open" ||
    note.viewerGroupRole === "owner" ||
    note.viewerGroupRole === "moderator" ||
    (note.peerGate === "needs-own-note" && note.readerHasOwnNoteOnParagraph) ||
    (note.peerGate === "after-due" && note.assignmentDue),
  (_actor, reader) => {
    const { staffGroups, openAssignments, ownParagraphs } = openPeerGates(reader);
    return or(
      isNull("assignmentId"),
      isIn("groupId", staffGroups),
      isIn("assignmentId", openAssignments),
      ...ownParagraphs.map(([assignmentId, paragraphs]) => and(eq("assignmentId", assignmentId), isIn("paragraphId", paragraphs))),
    );
  },
);
export const draftNotInGroup: Condition<NoteDraftResource> = (_actor, draft) => draft.visibility !== "group";
export const writerInDraftGroup: Condition<NoteDraftResource> = (_actor, draft) => draft.visibility === "group" && draft.viewerGroupRole !== null;

// Teaching: a class's teachers are its owner and moderators; a student is the one whose work or grade it is.
type ClassRecord = FeedbackResource | GradeResource;
export const teachesClass: Condition<ClassRecord> = (actor, record) =>
  signedIn(actor, null) && (record.viewerClassRole === "owner" || record.viewerClassRole === "moderator");
export const isTheStudent: Condition<ClassRecord> = (actor, record) => actor.kind === "user" && actor.id === record.studentId;
export const notTheStudent: Condition<ClassRecord> = (actor, record) => !isTheStudent(actor, record);
export const gradesReleased: Condition<GradeResource> = (_actor, grade) => grade.released;
/** The graded user is a student of the class: a plain member (its teachers are not graded, outsiders not at all). */
export const gradesAStudent: Condition<GradeResource> = (_actor, grade) => grade.studentClassRole === "member";

// Classes: its teachers are the owner and moderators, its students the plain members; a research group has neither.
export const groupIsClass: Condition<ClassResource> = (_actor, group) => group.kind === "class";
export const isGroupPlainMember: Condition<InGroup> = (actor, group) => signedIn(actor, null) && group.viewerRole === "member";

// Assignments: a class's teachers (owner, moderators) manage them; its students see and work on published ones.
export const teachesAssignmentClass: Condition<AssignmentResource> = (actor, assignment) =>
  signedIn(actor, null) && (assignment.viewerRole === "owner" || assignment.viewerRole === "moderator");
export const inAssignmentClass: Condition<AssignmentResource> = (actor, assignment) => signedIn(actor, null) && assignment.viewerRole !== null;
export const assignmentIsForAClass: Condition<AssignmentResource> = (_actor, assignment) => assignment.groupKind === "class";
export const assignmentNotDraft: Condition<AssignmentResource> = (_actor, assignment) => assignment.state !== "draft";
export const assignmentIsPublished: Condition<AssignmentResource> = (_actor, assignment) => assignment.state === "published";
