import { describe, expect, it } from "vitest";
import type { Actor, GroupRoleName } from "@/lib/authz/actor";
import { assertCan, can } from "@/lib/authz/can";
import { POLICY, type Permission } from "@/lib/authz/policy";
import type { Resource } from "@/lib/authz/resources";

const ACTORS = ["anonymous", "researcher", "groupMember", "groupModerator", "groupOwner", "reviewer", "admin"] as const;
type ActorName = (typeof ACTORS)[number];

function actorFor(name: ActorName): Actor {
  if (name === "anonymous") return { kind: "anonymous" };
  const siteRole = name === "admin" ? "admin" : name === "reviewer" ? "reviewer" : "researcher";
  return { kind: "user", id: `user-${name}`, displayName: name, siteRole, sessionId: "s" };
}

function roleIn(name: ActorName): GroupRoleName | null {
  return ({ groupMember: "member", groupModerator: "moderator", groupOwner: "owner" } as const)[name as string] ?? null;
}

const idOf = (name: ActorName) => `user-${name}`;
const group = (name: ActorName): Resource => ({ type: "group", id: "g1", viewerRole: roleIn(name) });
const otherMember = (name: ActorName): Resource => ({ type: "membership", groupId: "g1", viewerRole: roleIn(name), targetUserId: "user-other", targetRole: "member" });
const selfMembership = (name: ActorName): Resource => ({ type: "membership", groupId: "g1", viewerRole: roleIn(name), targetUserId: idOf(name), targetRole: roleIn(name) ?? "member" });
const selfUser = (name: ActorName): Resource => ({ type: "user", id: idOf(name), siteRole: "researcher", suspended: false });
const otherUser = (): Resource => ({ type: "user", id: "user-other", siteRole: "researcher", suspended: false });
type Visibility = "private" | "group" | "public";
const note = (visibility: Visibility, author: "other" | "self" = "other") => (name: ActorName): Resource => ({
  type: "note",
  authorId: author === "self" ? idOf(name) : "user-other",
  visibility,
  groupId: visibility === "group" ? "g1" : null,
  viewerGroupRole: visibility === "group" ? roleIn(name) : null,
  moderationStatus: "approved",
  threadStatus: null,
  deleted: false,
  locked: false,
  hasReplies: false,
  peerGate: "open",
  readerHasOwnNoteOnParagraph: false,
  assignmentDue: false,
});
const isStaff = (name: ActorName) => name === "groupModerator" || name === "groupOwner";
const feedback = (student: "other" | "self") => (name: ActorName): Resource => ({
  type: "feedback",
  studentId: student === "self" ? idOf(name) : "user-other",
  viewerClassRole: roleIn(name),
});
const grade = (student: "other" | "self", released: boolean, studentClassRole: GroupRoleName | null = "member") => (name: ActorName): Resource => ({
  type: "grade",
  studentId: student === "self" ? idOf(name) : "user-other",
  studentClassRole: student === "self" ? roleIn(name) : studentClassRole,
  viewerClassRole: roleIn(name),
  released,
});
const classGroup = (kind: "class" | "research") => (name: ActorName): Resource => ({ type: "group", id: "g1", viewerRole: roleIn(name), kind }) as Resource;
const assignment = (state: "draft" | "published" | "closed", groupKind: "class" | "research" = "class") => (name: ActorName): Resource => ({
  type: "assignment",
  groupId: "g1",
  groupKind,
  viewerRole: roleIn(name),
  state,
});
const moderation = (name: ActorName): Resource => ({ type: "moderation", viewerModeratesAGroup: isStaff(name) });
const draft = (visibility: Visibility) => (name: ActorName): Resource => ({
  type: "note-draft",
  visibility,
  viewerGroupRole: visibility === "group" ? roleIn(name) : null,
});

// Expected answers, in ACTORS order: anonymous, researcher, member, moderator, owner, reviewer, admin. A suspended
// account has no column: suspension ends its sessions and tokens, so its requests are anonymous (tests/integration/sessions.test.ts).
const T = true;
const F = false;
const MATRIX: Record<Permission, { resource: (name: ActorName) => Resource; allowed: boolean[] }> = {
  "document:read": { resource: () => ({ type: "document" }), allowed: [T, T, T, T, T, T, T] },
  "account:manage": { resource: selfUser, allowed: [F, T, T, T, T, T, T] },
  "account:sign-up": { resource: () => ({ type: "site" }), allowed: [T, T, T, T, T, T, T] },
  "account:reset-password": { resource: () => ({ type: "site" }), allowed: [T, T, T, T, T, T, T] },
  "profile:read": { resource: otherUser, allowed: [T, T, T, T, T, T, T] },
  "profile:update": { resource: selfUser, allowed: [F, T, T, T, T, T, T] },
  "group:create": { resource: () => ({ type: "site" }), allowed: [F, T, T, T, T, T, T] },
  "group:read": { resource: group, allowed: [F, F, T, T, T, F, T] },
  "group:update": { resource: group, allowed: [F, F, F, F, T, F, T] },
  "group:invite": { resource: group, allowed: [F, F, F, T, T, F, T] },
  "group:join": { resource: group, allowed: [F, T, T, T, T, T, T] },
  "group:leave": { resource: group, allowed: [F, F, T, T, T, F, F] },
  "membership:remove": { resource: otherMember, allowed: [F, F, F, T, T, F, T] },
  "membership:change-role": { resource: otherMember, allowed: [F, F, F, F, T, F, T] },
  "membership:transfer-ownership": { resource: otherMember, allowed: [F, F, F, F, T, F, T] },
  "membership:read-self": { resource: selfMembership, allowed: [F, F, T, T, T, F, F] },
  "note:read": { resource: note("public"), allowed: [T, T, T, T, T, T, T] },
  "note:reply": { resource: note("public"), allowed: [F, T, T, T, T, T, T] },
  "thread:reply": { resource: note("public"), allowed: [F, T, T, T, T, T, T] },
  "note:create": { resource: draft("public"), allowed: [F, T, T, T, T, T, T] },
  "note-draft:see-group": { resource: draft("group"), allowed: [F, F, T, T, T, F, F] },
  "note:update": { resource: note("public"), allowed: [F, F, F, F, F, F, F] },
  "note:delete": { resource: note("public"), allowed: [F, F, F, F, F, F, F] },
  "note:flag": { resource: note("public"), allowed: [F, T, T, T, T, T, T] },
  "note:moderate": { resource: note("public"), allowed: [F, F, F, F, F, T, T] },
  "note:see-moderation": { resource: note("public"), allowed: [T, T, T, T, T, T, T] },
  "moderation:review": { resource: moderation, allowed: [F, F, F, T, T, T, T] },
  "user:trust": { resource: otherUser, allowed: [F, F, F, F, F, T, T] },
  "user:suspend-on-decision": { resource: otherUser, allowed: [F, F, F, F, F, F, T] },
  "group:set-moderation": { resource: group, allowed: [F, F, F, T, T, F, T] },
  "paragraph:correct": { resource: () => ({ type: "document" }), allowed: [F, F, F, F, F, F, T] },
  "annotations:import": { resource: () => ({ type: "document" }), allowed: [F, T, T, T, T, T, T] },
  "reference:read": { resource: () => ({ type: "reference-index" }), allowed: [T, T, T, T, T, T, T] },
  "admin:access": { resource: () => ({ type: "site" }), allowed: [F, F, F, F, F, F, T] },
  "outbox:read": { resource: () => ({ type: "site" }), allowed: [F, F, F, F, F, F, T] },
  "user:change-role": { resource: otherUser, allowed: [F, F, F, F, F, F, T] },
  "user:suspend": { resource: otherUser, allowed: [F, F, F, F, F, F, T] },
  "feedback:read": { resource: feedback("other"), allowed: [F, F, F, T, T, F, F] },
  "feedback:write": { resource: feedback("other"), allowed: [F, F, F, T, T, F, F] },
  "grade:read": { resource: grade("other", true), allowed: [F, F, F, T, T, F, F] },
  "grade:write": { resource: grade("other", false), allowed: [F, F, F, T, T, F, F] },
  "grade:release": { resource: group, allowed: [F, F, F, T, T, F, F] },
  "gradebook:export": { resource: group, allowed: [F, F, F, T, T, F, F] },
  "grade:receive": { resource: grade("other", false), allowed: [T, T, T, T, T, T, T] },
  "class:teach": { resource: classGroup("class"), allowed: [F, F, F, T, T, F, F] },
  "class:study": { resource: classGroup("class"), allowed: [F, F, T, F, F, F, F] },
  "assignment:create": { resource: classGroup("class"), allowed: [F, F, F, T, T, F, F] },
  "assignment:read": { resource: assignment("published"), allowed: [F, F, T, T, T, F, F] },
  "assignment:manage": { resource: assignment("published"), allowed: [F, F, F, T, T, F, F] },
  "assignment:work": { resource: assignment("published"), allowed: [F, F, T, T, T, F, F] },
};

describe("the policy table", () => {
  it("has a row in this matrix for every permission, and no row for a permission it lacks", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(POLICY).sort());
  });

  it("names only existing permissions in hiddenBy", () => {
    for (const entry of Object.values(POLICY)) {
      if ("hiddenBy" in entry && entry.hiddenBy) expect(Object.keys(POLICY)).toContain(entry.hiddenBy);
    }
  });

  for (const [permission, row] of Object.entries(MATRIX) as [Permission, (typeof MATRIX)[Permission]][]) {
    it(`${permission}: ${ACTORS.map((name, i) => `${name} ${row.allowed[i] ? "yes" : "no"}`).join(", ")}`, () => {
      const answers = ACTORS.map((name) => can(actorFor(name), permission, row.resource(name) as never));
      expect(answers).toEqual(row.allowed);
    });
  }
});

// Every note permission × actor × visibility, for a note by someone else and for the actor's own note.
const NOTE_MATRIX: { permission: Permission; visibility: Visibility; author: "other" | "self"; allowed: boolean[] }[] = [
  { permission: "note:read", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  // Admins moderate every group's items, so they read them too.
  { permission: "note:read", visibility: "group", author: "other", allowed: [F, F, T, T, T, F, T] },
  { permission: "note:read", visibility: "public", author: "other", allowed: [T, T, T, T, T, T, T] },
  { permission: "note:read", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:read", visibility: "group", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:read", visibility: "public", author: "self", allowed: [T, T, T, T, T, T, T] },
  { permission: "note:reply", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:reply", visibility: "group", author: "other", allowed: [F, F, T, T, T, F, F] },
  { permission: "note:reply", visibility: "public", author: "other", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:reply", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:reply", visibility: "group", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:reply", visibility: "public", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:update", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:update", visibility: "group", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:update", visibility: "public", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:update", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:update", visibility: "group", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:update", visibility: "public", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:delete", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:delete", visibility: "group", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:delete", visibility: "public", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:delete", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:delete", visibility: "group", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:delete", visibility: "public", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:flag", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:flag", visibility: "group", author: "other", allowed: [F, F, T, T, T, F, F] },
  { permission: "note:flag", visibility: "public", author: "other", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:flag", visibility: "private", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:flag", visibility: "group", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:flag", visibility: "public", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:moderate", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:moderate", visibility: "group", author: "other", allowed: [F, F, F, T, T, F, T] },
  { permission: "note:moderate", visibility: "public", author: "other", allowed: [F, F, F, F, F, T, T] },
  { permission: "note:moderate", visibility: "private", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:moderate", visibility: "group", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:moderate", visibility: "public", author: "self", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:see-moderation", visibility: "private", author: "other", allowed: [F, F, F, F, F, F, F] },
  { permission: "note:see-moderation", visibility: "group", author: "other", allowed: [F, F, F, T, T, F, T] },
  { permission: "note:see-moderation", visibility: "public", author: "other", allowed: [T, T, T, T, T, T, T] },
  { permission: "note:see-moderation", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:see-moderation", visibility: "group", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:see-moderation", visibility: "public", author: "self", allowed: [T, T, T, T, T, T, T] },
  { permission: "note:create", visibility: "private", author: "self", allowed: [F, T, T, T, T, T, T] },
  { permission: "note:create", visibility: "group", author: "self", allowed: [F, F, T, T, T, F, F] },
  { permission: "note:create", visibility: "public", author: "self", allowed: [F, T, T, T, T, T, T] },
];

describe("notes: every permission × actor × visibility", () => {
  it("covers every note permission", () => {
    const covered = new Set(NOTE_MATRIX.map((row) => row.permission));
    expect([...covered].sort()).toEqual(Object.keys(POLICY).filter((permission) => permission.startsWith("note:")).sort());
  });

  for (const row of NOTE_MATRIX) {
    it(`${row.permission} on a ${row.visibility} note by ${row.author === "self" ? "the actor" : "someone else"}`, () => {
      const resource = row.permission === "note:create" ? draft(row.visibility) : note(row.visibility, row.author);
      // An anonymous actor cannot be an author: for it, "self" rows use someone else's note.
      const answers = ACTORS.map((name) => can(actorFor(name), row.permission, resource(name) as never));
      expect(answers).toEqual(row.allowed);
    });
  }

  it("a hidden, pending or spam item is for its author and its moderators; a deleted one (without replies) for nobody", () => {
    for (const state of [{ moderationStatus: "hidden" }, { moderationStatus: "pending" }, { moderationStatus: "spam" }, { deleted: true }] as const) {
      const hiddenItem = { ...note("public")("researcher"), ...state } as never;
      expect(can(actorFor("researcher"), "note:read", hiddenItem)).toBe(false);
      expect(can(actorFor("anonymous"), "note:read", hiddenItem)).toBe(false);
      expect(can(actorFor("reviewer"), "note:read", hiddenItem)).toBe(!("deleted" in state));
      expect(can(actorFor("admin"), "note:read", hiddenItem)).toBe(!("deleted" in state));
      const own = { ...note("public")("researcher"), authorId: "user-researcher", ...state };
      expect(can(actorFor("researcher"), "note:read", own as never)).toBe(!("deleted" in state));
      // In a group: its members no longer see it, its owner and moderators (and admins) do.
      const inGroup = (name: ActorName) => ({ ...note("group")(name), ...state }) as never;
      expect(ACTORS.map((name) => can(actorFor(name), "note:read", inGroup(name)))).toEqual(
        "deleted" in state ? [F, F, F, F, F, F, F] : [F, F, F, T, T, F, T],
      );
    }
  });

  it("hiding a note hides its replies: others no longer see them, their author and moderators still do", () => {
    for (const threadStatus of ["hidden", "pending", "spam"] as const) {
      const reply = (name: ActorName) => ({ ...note("public")(name), threadStatus }) as never;
      expect(ACTORS.map((name) => can(actorFor(name), "note:read", reply(name)))).toEqual([F, F, F, F, F, T, T]);
      expect(ACTORS.some((name) => can(actorFor(name), "note:flag", reply(name)))).toBe(false);
      const ownReply = { ...note("public")("researcher"), authorId: "user-researcher", threadStatus } as never;
      expect(can(actorFor("researcher"), "note:read", ownReply)).toBe(true);
      const groupReply = (name: ActorName) => ({ ...note("group")(name), threadStatus }) as never;
      expect(ACTORS.map((name) => can(actorFor(name), "note:read", groupReply(name)))).toEqual([F, F, F, T, T, F, T]);
    }
    const approvedThread = (name: ActorName) => ({ ...note("public")(name), threadStatus: "approved" }) as never;
    expect(ACTORS.map((name) => can(actorFor(name), "note:read", approvedThread(name)))).toEqual([T, T, T, T, T, T, T]);
  });

  it("a deleted note with live replies is a placeholder for whoever could read it, and nobody can change it", () => {
    for (const visibility of ["private", "group", "public"] as const) {
      for (const author of ["other", "self"] as const) {
        const readers = ACTORS.map((name) => can(actorFor(name), "note:read", note(visibility, author)(name) as never));
        const placeholder = (name: ActorName) => ({ ...(note(visibility, author)(name) as object), deleted: true, hasReplies: true });
        expect(ACTORS.map((name) => can(actorFor(name), "note:read", placeholder(name) as never))).toEqual(readers);
        // Replies may still be added below it (to its live replies); the placeholder itself stays as it is.
        expect(ACTORS.map((name) => can(actorFor(name), "note:reply", placeholder(name) as never))).toEqual(
          ACTORS.map((name) => can(actorFor(name), "note:reply", note(visibility, author)(name) as never)),
        );
        for (const permission of ["note:update", "note:delete"] as const) {
          expect(ACTORS.some((name) => can(actorFor(name), permission, placeholder(name) as never))).toBe(false);
        }
      }
    }
    // Replies do not reopen what moderation hid: a hidden placeholder is still its author's alone.
    const hidden = { ...(note("public")("researcher") as object), moderationStatus: "hidden", deleted: true, hasReplies: true };
    expect(can(actorFor("researcher"), "note:read", hidden as never)).toBe(false);
    expect(can(actorFor("researcher"), "note:read", { ...hidden, authorId: "user-researcher" } as never)).toBe(true);
  });

  it("an anonymous reply is asked to sign in (401); an outsider's reply to a note they cannot see is 404", () => {
    const status = (name: ActorName, resource: Resource) => {
      try {
        assertCan(actorFor(name), "note:reply", resource as never);
        return 200;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(status("anonymous", note("public")("anonymous"))).toBe(401);
    expect(status("researcher", note("group")("researcher"))).toBe(404);
    expect(status("researcher", note("private")("researcher"))).toBe(404);
    expect(status("groupMember", note("group")("groupMember"))).toBe(200);
  });
});

describe("replying in a thread (thread:reply) and choosing a group (note:create)", () => {
  const statusOf = (run: () => void) => {
    try {
      run();
      return 200;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };
  const locked = (visibility: Visibility, author: "other" | "self" = "other") => (name: ActorName) => ({ ...(note(visibility, author)(name) as object), locked: true }) as never;

  it("an open thread takes a reply from exactly those note:reply allows", () => {
    for (const visibility of ["private", "group", "public"] as const) {
      for (const author of ["other", "self"] as const) {
        const resource = note(visibility, author);
        expect(ACTORS.map((name) => can(actorFor(name), "thread:reply", resource(name) as never))).toEqual(
          ACTORS.map((name) => can(actorFor(name), "note:reply", resource(name) as never)),
        );
      }
    }
  });

  it("a locked thread takes no reply from anyone, its author and moderators included", () => {
    for (const visibility of ["private", "group", "public"] as const) {
      for (const author of ["other", "self"] as const) {
        expect(ACTORS.some((name) => can(actorFor(name), "thread:reply", locked(visibility, author)(name)))).toBe(false);
      }
    }
  });

  it("a locked thread is a conflict (409, 'This thread is locked') for whoever may answer it; others keep their 401/404", () => {
    expect(statusOf(() => assertCan(actorFor("researcher"), "thread:reply", locked("public")("researcher")))).toBe(409);
    expect(statusOf(() => assertCan(actorFor("groupMember"), "thread:reply", locked("group")("groupMember")))).toBe(409);
    expect(statusOf(() => assertCan(actorFor("researcher"), "thread:reply", locked("private", "self")("researcher")))).toBe(409);
    expect(statusOf(() => assertCan(actorFor("anonymous"), "thread:reply", locked("public")("anonymous")))).toBe(401);
    expect(statusOf(() => assertCan(actorFor("researcher"), "thread:reply", locked("group")("researcher")))).toBe(404);
    expect(statusOf(() => assertCan(actorFor("researcher"), "thread:reply", locked("private")("researcher")))).toBe(404);
    let message = "";
    try {
      assertCan(actorFor("researcher"), "thread:reply", locked("public")("researcher"));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("This thread is locked");
    // Open again, the same reader may answer.
    expect(statusOf(() => assertCan(actorFor("researcher"), "thread:reply", note("public")("researcher") as never))).toBe(200);
  });

  it("a group note for a group the writer is not in is 404 (the group does not exist for them); anonymous 401", () => {
    expect(statusOf(() => assertCan(actorFor("researcher"), "note:create", draft("group")("researcher") as never))).toBe(404);
    expect(statusOf(() => assertCan(actorFor("admin"), "note:create", draft("group")("admin") as never))).toBe(404);
    expect(statusOf(() => assertCan(actorFor("anonymous"), "note:create", draft("group")("anonymous") as never))).toBe(401);
    expect(statusOf(() => assertCan(actorFor("groupMember"), "note:create", draft("group")("groupMember") as never))).toBe(200);
    expect(statusOf(() => assertCan(actorFor("researcher"), "note:create", draft("public")("researcher") as never))).toBe(200);
  });
});

describe("peer visibility of a class note on an assignment", () => {
  type Gate = "open" | "needs-own-note" | "after-due";
  const MODES: { mode: string; gate: Gate }[] = [
    { mode: "always", gate: "open" },
    { mode: "after_first_note", gate: "needs-own-note" },
    { mode: "after_due", gate: "after-due" },
  ];
  const classNote = (gate: Gate | "closed", own: boolean, due: boolean, author: "other" | "self" = "other") => (name: ActorName): Resource => ({
    ...(note("group", author)(name) as Extract<Resource, { type: "note" }>),
    peerGate: gate,
    readerHasOwnNoteOnParagraph: own,
    assignmentDue: due,
  });
  // What a student (a plain member, not the author) may read, written out rather than derived from the rule.
  const STUDENT_READS: Record<string, boolean> = {
    "always own:no due:no": T, "always own:no due:yes": T, "always own:yes due:no": T, "always own:yes due:yes": T,
    "after_first_note own:no due:no": F, "after_first_note own:no due:yes": F, "after_first_note own:yes due:no": T, "after_first_note own:yes due:yes": T,
    "after_due own:no due:no": F, "after_due own:no due:yes": T, "after_due own:yes due:no": F, "after_due own:yes due:yes": T,
  };

  for (const { mode, gate } of MODES) {
    for (const own of [false, true]) {
      for (const due of [false, true]) {
        const key = `${mode} own:${own ? "yes" : "no"} due:${due ? "yes" : "no"}`;
        it(`${key}: student ${STUDENT_READS[key] ? "reads" : "does not read"} a classmate's note; teachers and the author always`, () => {
          const student = actorFor("groupMember");
          expect(can(student, "note:read", classNote(gate, own, due)("groupMember") as never)).toBe(STUDENT_READS[key]);
          // Replying and flagging need the same sight; the reply route answers 404 when the note is out of sight.
          expect(can(student, "note:reply", classNote(gate, own, due)("groupMember") as never)).toBe(STUDENT_READS[key]);
          expect(can(student, "note:flag", classNote(gate, own, due)("groupMember") as never)).toBe(STUDENT_READS[key]);
          for (const teacher of ["groupOwner", "groupModerator"] as const) {
            expect(can(actorFor(teacher), "note:read", classNote(gate, own, due)(teacher) as never)).toBe(true);
            expect(can(actorFor(teacher), "note:reply", classNote(gate, own, due)(teacher) as never)).toBe(true);
          }
          expect(can(student, "note:read", classNote(gate, own, due, "self")("groupMember") as never)).toBe(true);
          // Outside the class: nothing, whatever the gate says.
          expect(can(actorFor("researcher"), "note:read", classNote(gate, own, due)("researcher") as never)).toBe(false);
        });
      }
    }
  }

  it("a pending or hidden classmate's note stays hidden from a student even once the gate opens", () => {
    const pending = { ...(classNote("open", true, true)("groupMember") as object), moderationStatus: "pending" } as never;
    expect(can(actorFor("groupMember"), "note:read", pending)).toBe(false);
    expect(can(actorFor("groupOwner"), "note:read", { ...(pending as object), viewerGroupRole: "owner" } as never)).toBe(true);
  });

  it("an assignment outside the reader's groups is closed to all but its author and moderators", () => {
    expect(can(actorFor("groupMember"), "note:read", classNote("closed", true, true)("groupMember") as never)).toBe(false);
    expect(can(actorFor("groupMember"), "note:read", classNote("closed", false, false, "self")("groupMember") as never)).toBe(true);
    expect(can(actorFor("admin"), "note:read", classNote("closed", false, false)("admin") as never)).toBe(true);
    const publicNote = { ...(note("public")("researcher") as object), peerGate: "closed" } as never;
    expect(can(actorFor("researcher"), "note:read", publicNote)).toBe(false);
    expect(can(actorFor("reviewer"), "note:read", { ...(publicNote as object) } as never)).toBe(true);
  });

  it("a student's status request for a gated note is 404, not 403", () => {
    let status = 200;
    try {
      assertCan(actorFor("groupMember"), "note:reply", classNote("needs-own-note", false, false)("groupMember") as never);
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(404);
  });
});

describe("edge cases of group roles", () => {
  const moderator = actorFor("groupModerator");
  const owner = actorFor("groupOwner");
  const admin = actorFor("admin");
  const membership = (viewerRole: GroupRoleName | null, targetRole: GroupRoleName, targetUserId = "user-other"): Resource => ({
    type: "membership", groupId: "g1", viewerRole, targetUserId, targetRole,
  });

  it("a moderator removes members but not another moderator or the owner", () => {
    expect(can(moderator, "membership:remove", membership("moderator", "member") as never)).toBe(true);
    expect(can(moderator, "membership:remove", membership("moderator", "moderator") as never)).toBe(false);
    expect(can(moderator, "membership:remove", membership("moderator", "owner") as never)).toBe(false);
  });

  it("an owner cannot remove or demote themself, and nobody but a transfer changes the owner", () => {
    expect(can(owner, "membership:remove", membership("owner", "owner", "user-groupOwner") as never)).toBe(false);
    expect(can(owner, "membership:change-role", membership("owner", "owner", "user-groupOwner") as never)).toBe(false);
    expect(can(admin, "membership:remove", membership(null, "owner") as never)).toBe(false);
    expect(can(admin, "membership:change-role", membership(null, "owner") as never)).toBe(false);
  });

  it("an admin cannot suspend or demote themself", () => {
    const self = { type: "user", id: "user-admin", siteRole: "admin", suspended: false } as const;
    expect(can(admin, "user:suspend", self)).toBe(false);
    expect(can(admin, "user:change-role", self)).toBe(false);
  });
});

/** The HTTP status assertCan would make of an actor's attempt: 200 when allowed. */
function statusOf(name: ActorName, permission: Permission, resource: Resource): number {
  try {
    assertCan(actorFor(name), permission, resource as never);
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("assertCan answers", () => {
  const statusOfCall = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };

  it("401 to an anonymous write, 404 for what the actor may not see, 403 for what it sees but may not change", () => {
    expect(statusOfCall(() => assertCan(actorFor("anonymous"), "group:create", { type: "site" }))).toBe(401);
    expect(statusOfCall(() => assertCan(actorFor("researcher"), "group:read", group("researcher") as never))).toBe(404);
    expect(statusOfCall(() => assertCan(actorFor("researcher"), "group:update", group("researcher") as never))).toBe(404);
    expect(statusOfCall(() => assertCan(actorFor("groupMember"), "group:update", group("groupMember") as never))).toBe(403);
    expect(statusOfCall(() => assertCan(actorFor("researcher"), "admin:access", { type: "site" }))).toBe(404);
    expect(statusOfCall(() => assertCan(actorFor("reviewer"), "user:suspend", otherUser() as never))).toBe(404);
    expect(statusOfCall(() => assertCan(actorFor("groupOwner"), "group:update", group("groupOwner") as never))).toBe(200);
  });
});

describe("moderation edge cases", () => {
  const otherGroupNote = (name: ActorName): Resource => ({ ...(note("group")(name) as object), groupId: "g2", viewerGroupRole: null }) as Resource;

  it("a group's moderator or owner cannot moderate another group's items, and learns nothing of them (404)", () => {
    for (const name of ["groupModerator", "groupOwner"] as const) {
      expect(can(actorFor(name), "note:moderate", note("group")(name) as never)).toBe(true);
      expect(can(actorFor(name), "note:moderate", otherGroupNote(name) as never)).toBe(false);
      expect(statusOf(name, "note:moderate", otherGroupNote(name))).toBe(404);
      const pending = { ...(otherGroupNote(name) as object), moderationStatus: "pending" } as never;
      expect(can(actorFor(name), "note:read", pending)).toBe(false);
    }
    // A group's moderator is no site reviewer: public items are not theirs to moderate.
    expect(can(actorFor("groupModerator"), "note:moderate", note("public")("groupModerator") as never)).toBe(false);
  });

  it("a reviewer cannot moderate a private note, nor a group's; nobody flags a private note", () => {
    expect(can(actorFor("reviewer"), "note:moderate", note("private")("reviewer") as never)).toBe(false);
    expect(statusOf("reviewer", "note:moderate", note("private")("reviewer"))).toBe(404);
    expect(statusOf("admin", "note:moderate", note("private")("admin"))).toBe(404);
    expect(statusOf("reviewer", "note:moderate", note("group")("reviewer"))).toBe(404);
    // Its author may see it, but moderates it no more than anyone: 403.
    expect(statusOf("researcher", "note:moderate", note("private", "self")("researcher"))).toBe(403);
    expect(statusOf("researcher", "note:flag", note("private", "self")("researcher"))).toBe(403);
    expect(ACTORS.some((name) => can(actorFor(name), "note:flag", note("private")(name) as never))).toBe(false);
  });

  it("nobody moderates or flags their own note, whatever their roles", () => {
    for (const visibility of ["private", "group", "public"] as const) {
      for (const name of ACTORS) {
        expect(can(actorFor(name), "note:moderate", note(visibility, "self")(name) as never)).toBe(false);
        expect(can(actorFor(name), "note:flag", note(visibility, "self")(name) as never)).toBe(false);
      }
    }
    expect(statusOf("reviewer", "note:moderate", note("public", "self")("reviewer"))).toBe(403);
    expect(statusOf("groupOwner", "note:moderate", note("group", "self")("groupOwner"))).toBe(403);
  });

  it("non-moderators: 401 anonymous, 403 for a public item's readers, 404 for a group's plain members", () => {
    expect(statusOf("anonymous", "note:moderate", note("public")("anonymous"))).toBe(401);
    expect(statusOf("researcher", "note:moderate", note("public")("researcher"))).toBe(403);
    expect(statusOf("groupMember", "note:moderate", note("public")("groupMember"))).toBe(403);
    expect(statusOf("groupMember", "note:moderate", note("group")("groupMember"))).toBe(404);
    expect(statusOf("researcher", "note:moderate", note("group")("researcher"))).toBe(404);
    const pendingPublic = (name: ActorName) => ({ ...(note("public")(name) as object), moderationStatus: "pending" }) as Resource;
    expect(statusOf("researcher", "note:moderate", pendingPublic("researcher"))).toBe(404);
    expect(statusOf("reviewer", "note:moderate", pendingPublic("reviewer"))).toBe(200);
  });

  it("flagging: what one cannot read is 404; a deleted item cannot be flagged or decided on", () => {
    const pending = (name: ActorName) => ({ ...(note("public")(name) as object), moderationStatus: "pending" }) as Resource;
    expect(statusOf("researcher", "note:flag", pending("researcher"))).toBe(404);
    expect(statusOf("researcher", "note:flag", note("group")("researcher"))).toBe(404);
    const placeholder = (name: ActorName) => ({ ...(note("public")(name) as object), deleted: true, hasReplies: true }) as Resource;
    expect(ACTORS.some((name) => can(actorFor(name), "note:flag", placeholder(name) as never))).toBe(false);
    expect(ACTORS.some((name) => can(actorFor(name), "note:moderate", placeholder(name) as never))).toBe(false);
  });

  it("trust: reviewers and admins, not for themselves; group mode: the group's staff and admins, 404 to outsiders", () => {
    const self = (name: ActorName) => ({ type: "user", id: idOf(name), siteRole: "researcher", suspended: false }) as const;
    expect(can(actorFor("reviewer"), "user:trust", self("reviewer"))).toBe(false);
    expect(statusOf("researcher", "user:trust", otherUser())).toBe(403);
    expect(statusOf("anonymous", "user:trust", otherUser())).toBe(401);
    expect(statusOf("researcher", "group:set-moderation", group("researcher"))).toBe(404);
    expect(statusOf("groupMember", "group:set-moderation", group("groupMember"))).toBe(403);
    expect(statusOf("groupModerator", "group:set-moderation", group("groupModerator"))).toBe(200);
  });

  it("suspending an item's author with a decision: admins only, never themselves; a moderator is told 403, not 404", () => {
    const self = (name: ActorName) => ({ type: "user", id: idOf(name), siteRole: "admin", suspended: false }) as const;
    expect(statusOf("admin", "user:suspend-on-decision", otherUser())).toBe(200);
    expect(can(actorFor("admin"), "user:suspend-on-decision", self("admin"))).toBe(false);
    expect(statusOf("reviewer", "user:suspend-on-decision", otherUser())).toBe(403);
    expect(statusOf("groupModerator", "user:suspend-on-decision", otherUser())).toBe(403);
    expect(statusOf("anonymous", "user:suspend-on-decision", otherUser())).toBe(401);
  });

  it("importing annotations: any signed-in reader; an anonymous one is asked to sign in", () => {
    expect(statusOf("researcher", "annotations:import", { type: "document" })).toBe(200);
    expect(statusOf("anonymous", "annotations:import", { type: "document" })).toBe(401);
  });

  it("the review tools: reviewers, admins and whoever staffs a group", () => {
    const staffOfSome = { type: "moderation", viewerModeratesAGroup: true } as const;
    expect(can(actorFor("researcher"), "moderation:review", staffOfSome)).toBe(true);
    expect(statusOf("researcher", "moderation:review", { type: "moderation", viewerModeratesAGroup: false })).toBe(404);
  });
});

describe("teaching: private feedback and grades", () => {

  it("a student reads the feedback on their own note, not a classmate's; writes none (403 on their own, 404 on another's)", () => {
    expect(can(actorFor("groupMember"), "feedback:read", feedback("self")("groupMember") as never)).toBe(true);
    expect(can(actorFor("groupMember"), "feedback:read", feedback("other")("groupMember") as never)).toBe(false);
    expect(statusOf("groupMember", "feedback:write", feedback("self")("groupMember"))).toBe(403);
    expect(statusOf("groupMember", "feedback:write", feedback("other")("groupMember"))).toBe(404);
    expect(statusOf("admin", "feedback:read", feedback("other")("admin"))).toBe(404);
  });

  it("a student reads their own grade only once released, and another student's never", () => {
    expect(can(actorFor("groupMember"), "grade:read", grade("self", false)("groupMember") as never)).toBe(false);
    expect(can(actorFor("groupMember"), "grade:read", grade("self", true)("groupMember") as never)).toBe(true);
    expect(can(actorFor("groupMember"), "grade:read", grade("other", true)("groupMember") as never)).toBe(false);
    expect(statusOf("groupMember", "grade:read", grade("self", false)("groupMember"))).toBe(404);
    expect(statusOf("groupMember", "grade:write", grade("self", true)("groupMember"))).toBe(403);
    expect(statusOf("groupMember", "grade:write", grade("other", true)("groupMember"))).toBe(404);
    // Teachers read unreleased grades.
    expect(can(actorFor("groupModerator"), "grade:read", grade("other", false)("groupModerator") as never)).toBe(true);
  });

  it("the gradebook and release: a class's students 404 and 403, outsiders 404, anonymous release 401", () => {
    expect(statusOf("groupMember", "gradebook:export", group("groupMember"))).toBe(404);
    expect(statusOf("researcher", "gradebook:export", group("researcher"))).toBe(404);
    expect(statusOf("groupMember", "grade:release", group("groupMember"))).toBe(403);
    expect(statusOf("researcher", "grade:release", group("researcher"))).toBe(404);
    expect(statusOf("anonymous", "grade:release", group("anonymous"))).toBe(401);
    expect(statusOf("groupOwner", "gradebook:export", group("groupOwner"))).toBe(200);
  });
});

describe("teaching: a class's teachers and students", () => {
  it("a class's teachers are its owner and moderators, its students its plain members; a research group has neither", () => {
    for (const name of ["groupOwner", "groupModerator", "groupMember"] as const) {
      expect(can(actorFor(name), "class:teach", classGroup("research")(name) as never)).toBe(false);
      expect(can(actorFor(name), "class:study", classGroup("research")(name) as never)).toBe(false);
    }
    expect(statusOf("groupMember", "class:teach", classGroup("class")("groupMember"))).toBe(404);
    expect(statusOf("admin", "class:teach", classGroup("class")("admin"))).toBe(404);
  });

  it("a grade goes to a student of the class only: not to its teachers, not to an outsider", () => {
    expect(can(actorFor("groupOwner"), "grade:receive", grade("other", false, "member")("groupOwner") as never)).toBe(true);
    for (const role of ["owner", "moderator", null] as const) {
      expect(can(actorFor("groupOwner"), "grade:receive", grade("other", false, role)("groupOwner") as never)).toBe(false);
    }
  });

  it("setting an assignment: students 403, outsiders 404, anonymous 401, a research group's owner 403, an admin 403", () => {
    expect(statusOf("groupMember", "assignment:create", classGroup("class")("groupMember"))).toBe(403);
    expect(statusOf("researcher", "assignment:create", classGroup("class")("researcher"))).toBe(404);
    expect(statusOf("anonymous", "assignment:create", classGroup("class")("anonymous"))).toBe(401);
    expect(statusOf("groupOwner", "assignment:create", classGroup("research")("groupOwner"))).toBe(403);
    expect(statusOf("admin", "assignment:create", classGroup("class")("admin"))).toBe(403);
  });
});

describe("teaching: assignments", () => {

  it("a draft is the teachers' alone: a student gets 404 reading it or working on it", () => {
    expect(statusOf("groupOwner", "assignment:read", assignment("draft")("groupOwner"))).toBe(200);
    expect(statusOf("groupModerator", "assignment:read", assignment("draft")("groupModerator"))).toBe(200);
    expect(statusOf("groupMember", "assignment:read", assignment("draft")("groupMember"))).toBe(404);
    expect(statusOf("groupMember", "assignment:work", assignment("draft")("groupMember"))).toBe(404);
  });

  it("a closed assignment is readable by its class but takes no work; outsiders and admins get 404", () => {
    expect(statusOf("groupMember", "assignment:read", assignment("closed")("groupMember"))).toBe(200);
    expect(statusOf("groupMember", "assignment:work", assignment("closed")("groupMember"))).toBe(403);
    expect(statusOf("researcher", "assignment:work", assignment("published")("researcher"))).toBe(404);
    expect(statusOf("admin", "assignment:read", assignment("published")("admin"))).toBe(404);
    expect(statusOf("anonymous", "assignment:work", assignment("published")("anonymous"))).toBe(401);
  });

  it("students never manage (403 on a published one); teachers manage only in a class", () => {
    expect(statusOf("groupMember", "assignment:manage", assignment("published")("groupMember"))).toBe(403);
    expect(statusOf("groupMember", "assignment:manage", assignment("draft")("groupMember"))).toBe(404);
    expect(statusOf("groupOwner", "assignment:manage", assignment("draft", "research")("groupOwner"))).toBe(403);
  });
});
