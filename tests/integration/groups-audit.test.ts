import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroup, createInvite, joinGroup, leaveGroup, revokeInvite } from "@/lib/groups/group-operations";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/groups/membership-operations";
import { setGroupModerationMode } from "@/lib/moderation/group-moderation";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function person(displayName: string): Promise<SignedInActor> {
  const user = await seedUser(db.prisma, { displayName });
  return (await signIn(db.prisma, user.id, clock)).actor;
}

/** The audit records a change added (all of them, so a second or a missing one shows). */
async function recordsAddedBy(change: () => Promise<unknown>) {
  const before = new Date(clock.now().getTime());
  clock.advance(1_000);
  await change();
  return db.prisma.auditRecord.findMany({ where: { createdAt: { gt: before } }, orderBy: { createdAt: "asc" } });
}

/** A group with its owner and a member who joined by code. */
async function groupWithMember(name: string) {
  const owner = await person(`${name} owner`);
  const member = await person(`${name} member`);
  const group = await createGroup(db.prisma, owner, { kind: "research", name }, { clock });
  const invite = await createInvite(db.prisma, owner, { groupId: group.id, expiresInDays: 14 }, { clock });
  await joinGroup(db.prisma, member, { code: invite.code }, { clock });
  return { owner, member, groupId: group.id };
}

describe("every group change writes its audit record, in its transaction", () => {
  it("creating a group: who, which group, what kind and name", async () => {
    const teacher = await person("Audit Teacher");
    let groupId = "";
    const records = await recordsAddedBy(async () => {
      groupId = (await createGroup(db.prisma, teacher, { kind: "class", name: "Audited class", term: "Spring 2027" }, { clock })).id;
    });
    expect(records).toEqual([
      expect.objectContaining({
        action: "group.create",
        actorId: teacher.id,
        subjectId: null,
        groupId,
        targetId: null,
        before: null,
        after: JSON.stringify({ kind: "class", name: "Audited class" }),
        createdAt: clock.now(),
      }),
    ]);
  });

  it("a join code made and revoked: the invite is the target, its expiry and revocation the values; the code stays out", async () => {
    const owner = await person("Invite owner");
    const group = await createGroup(db.prisma, owner, { kind: "research", name: "Invites audited" }, { clock });

    let invite!: Awaited<ReturnType<typeof createInvite>>;
    const made = await recordsAddedBy(async () => {
      invite = await createInvite(db.prisma, owner, { groupId: group.id, expiresInDays: 7 }, { clock });
    });
    expect(made).toEqual([
      expect.objectContaining({ action: "invite.create", actorId: owner.id, subjectId: null, groupId: group.id, targetId: invite.id, before: null, after: invite.expiresAt }),
    ]);
    expect(JSON.stringify(made)).not.toContain(invite.code);

    const revoked = await recordsAddedBy(() => revokeInvite(db.prisma, owner, { groupId: group.id, inviteId: invite.id }, { clock }));
    expect(revoked).toEqual([
      expect.objectContaining({
        action: "invite.revoke",
        actorId: owner.id,
        groupId: group.id,
        targetId: invite.id,
        before: invite.expiresAt,
        after: clock.now().toISOString(),
      }),
    ]);
    // Revoking again is refused (404) and records nothing.
    expect(await recordsAddedBy(() => appErrorCode(revokeInvite(db.prisma, owner, { groupId: group.id, inviteId: invite.id }, { clock })))).toEqual([]);
  });

  it("joining by code: the member is the subject, the invite the target; joining again records nothing", async () => {
    const owner = await person("Join owner");
    const student = await person("Join student");
    const group = await createGroup(db.prisma, owner, { kind: "class", name: "Joins audited" }, { clock });
    const invite = await createInvite(db.prisma, owner, { groupId: group.id, expiresInDays: 14 }, { clock });

    const joined = await recordsAddedBy(() => joinGroup(db.prisma, student, { code: invite.code }, { clock }));
    expect(joined).toEqual([
      expect.objectContaining({ action: "membership.join", actorId: student.id, subjectId: student.id, groupId: group.id, targetId: invite.id, before: null, after: "member" }),
    ]);
    expect(await recordsAddedBy(() => joinGroup(db.prisma, student, { code: invite.code }, { clock }))).toEqual([]);
    expect(await recordsAddedBy(() => joinGroup(db.prisma, owner, { code: invite.code }, { clock }))).toEqual([]);
  });

  it("leaving: the leaver's role before, none after; the owner's refused leave (409) records nothing", async () => {
    const { owner, member, groupId } = await groupWithMember("Leaving audited");

    expect(await recordsAddedBy(async () => expect(await appErrorCode(leaveGroup(db.prisma, owner, { groupId }, { clock }))).toBe("conflict"))).toEqual([]);
    const left = await recordsAddedBy(() => leaveGroup(db.prisma, member, { groupId }, { clock }));
    expect(left).toEqual([
      expect.objectContaining({ action: "membership.leave", actorId: member.id, subjectId: member.id, groupId, targetId: null, before: "member", after: null }),
    ]);
  });

  it("a role change, a removal and a transfer of ownership: the member is the subject, with the roles before and after", async () => {
    const { owner, member, groupId } = await groupWithMember("Roles audited");
    const other = await person("Roles other");
    await joinGroup(db.prisma, other, { code: (await createInvite(db.prisma, owner, { groupId, expiresInDays: 14 }, { clock })).code }, { clock });

    expect(await recordsAddedBy(() => changeMemberRole(db.prisma, owner, { groupId, userId: member.id, role: "moderator" }, { clock }))).toEqual([
      expect.objectContaining({ action: "membership.change-role", actorId: owner.id, subjectId: member.id, groupId, before: "member", after: "moderator" }),
    ]);
    // The role it already has: no change, no record.
    expect(await recordsAddedBy(() => changeMemberRole(db.prisma, owner, { groupId, userId: member.id, role: "moderator" }, { clock }))).toEqual([]);

    expect(await recordsAddedBy(() => removeMember(db.prisma, member, { groupId, userId: other.id }, { clock }))).toEqual([
      expect.objectContaining({ action: "membership.remove", actorId: member.id, subjectId: other.id, groupId, before: "member", after: null }),
    ]);

    expect(await recordsAddedBy(() => transferOwnership(db.prisma, owner, { groupId, userId: member.id }, { clock }))).toEqual([
      expect.objectContaining({ action: "membership.transfer-ownership", actorId: owner.id, subjectId: member.id, groupId, before: "moderator", after: "owner" }),
    ]);
  });

  it("a group-mode change: audited beside its moderation record; choosing the mode already set records neither", async () => {
    const { owner, groupId } = await groupWithMember("Mode audited");
    const moderationRecords = () => db.prisma.moderationRecord.findMany({ where: { groupId, action: "group_mode" } });

    expect(await recordsAddedBy(() => setGroupModerationMode(db.prisma, owner, { groupId, mode: "premoderated" }, { clock }))).toEqual([
      expect.objectContaining({ action: "group.moderation-mode", actorId: owner.id, subjectId: null, groupId, targetId: null, before: "open", after: "premoderated" }),
    ]);
    expect(await moderationRecords()).toEqual([expect.objectContaining({ actorId: owner.id, previousStatus: "open", newStatus: "premoderated" })]);

    expect(await recordsAddedBy(() => setGroupModerationMode(db.prisma, owner, { groupId, mode: "premoderated" }, { clock }))).toEqual([]);
    expect(await moderationRecords()).toHaveLength(1);

    expect(await recordsAddedBy(() => setGroupModerationMode(db.prisma, owner, { groupId, mode: "open" }, { clock }))).toEqual([
      expect.objectContaining({ action: "group.moderation-mode", before: "premoderated", after: "open" }),
    ]);
  });

  it("a refused change records nothing: a member inviting, an outsider changing the mode", async () => {
    const { member, groupId } = await groupWithMember("Refusals audited");
    const outsider = await person("Refusals outsider");
    expect(await recordsAddedBy(async () => expect(await appErrorCode(createInvite(db.prisma, member, { groupId, expiresInDays: 7 }, { clock }))).toBe("forbidden"))).toEqual([]);
    expect(await recordsAddedBy(async () => expect(await appErrorCode(setGroupModerationMode(db.prisma, outsider, { groupId, mode: "premoderated" }, { clock }))).toBe("not_found"))).toEqual([]);
  });
});
