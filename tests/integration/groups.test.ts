import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroup, createInvite, joinGroup, leaveGroup, revokeInvite } from "@/lib/groups/group-operations";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/groups/membership-operations";
import { getGroupPage, listMyGroups } from "@/lib/groups/group-queries";
import { ZCreateGroup, ZJoinGroup } from "@/lib/groups/group-schemas";
import { formatJoinCode } from "@/lib/groups/join-code";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY_MS = 24 * 60 * 60 * 1000;
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

async function newClass(teacher: SignedInActor, name: string) {
  return createGroup(db.prisma, teacher, ZCreateGroup.parse({ kind: "class", name, term: "Spring 2027", description: "Reading the letter" }));
}

/** What a student types: the displayed code, lower-cased, with its dash and stray spaces; parsed as the route does. */
async function joinAsTyped(student: SignedInActor, displayedCode: string) {
  const { code } = ZJoinGroup.parse({ code: `  ${displayedCode.toLowerCase()} ` });
  return joinGroup(db.prisma, student, { code }, { clock });
}

async function roleOf(groupId: string, userId: string) {
  const membership = await db.prisma.membership.findUnique({ where: { groupId_userId: { groupId, userId } } });
  return membership?.role ?? null;
}

describe("a class and its join code", () => {
  it("the creator of a class becomes its owner", async () => {
    const teacher = await person("Teacher Creator");
    const group = await newClass(teacher, "History 101");

    expect(group).toMatchObject({ kind: "class", name: "History 101", term: "Spring 2027", createdById: teacher.id });
    expect(await db.prisma.membership.findMany({ where: { groupId: group.id } })).toEqual([
      expect.objectContaining({ userId: teacher.id, role: "owner" }),
    ]);
  });

  it("a student joins by code typed in lower case with a dash (ZJoinGroup normalises it), once", async () => {
    const teacher = await person("Teacher Join");
    const student = await person("Student Join");
    const group = await newClass(teacher, "History 102");
    const invite = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });
    expect(invite.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(new Date(invite.expiresAt)).toEqual(new Date(clock.now().getTime() + 14 * DAY_MS));

    const displayed = formatJoinCode(invite.code);
    expect(displayed).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(ZJoinGroup.parse({ code: displayed.toLowerCase() })).toEqual({ code: invite.code });

    expect(await joinAsTyped(student, displayed)).toEqual({ groupId: group.id, alreadyMember: false });
    expect(await roleOf(group.id, student.id)).toBe("member");
    // Joining again is harmless.
    expect(await joinAsTyped(student, displayed)).toEqual({ groupId: group.id, alreadyMember: true });
    expect(await db.prisma.membership.count({ where: { groupId: group.id } })).toBe(2);
  });

  it("a double-submitted join (two requests at once) answers both like sequential joins: one membership, no database error", async () => {
    const teacher = await person("Teacher Double");
    const group = await newClass(teacher, "History 111");
    const { code } = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });

    for (let attempt = 0; attempt < 3; attempt += 1) {
      const student = await person(`Double Clicker ${attempt}`);
      const outcomes = await Promise.allSettled([joinAsTyped(student, code), joinAsTyped(student, code)]);

      const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => String(o.reason).slice(0, 160));
      expect(failures, "a raw database error here becomes a 500 at POST /api/groups/join").toEqual([]);
      const answers = outcomes.map((o) => (o as PromiseFulfilledResult<{ alreadyMember: boolean }>).value.alreadyMember).sort();
      expect(answers).toEqual([false, true]);
      expect(await roleOf(group.id, student.id)).toBe("member");
    }
  });

  it("ZJoinGroup refuses a code of the wrong length", () => {
    expect(ZJoinGroup.safeParse({ code: "abcde-fgh" }).success).toBe(false);
  });

  it("an expired code is not_found; a code one millisecond before expiry still works", async () => {
    const teacher = await person("Teacher Expiry");
    const early = await person("Student Early");
    const late = await person("Student Late");
    const group = await newClass(teacher, "History 103");
    const invite = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 1 }, { clock });
    const start = clock.now();

    clock.set(new Date(new Date(invite.expiresAt).getTime() - 1));
    expect(await joinAsTyped(early, formatJoinCode(invite.code))).toMatchObject({ alreadyMember: false });

    clock.set(new Date(invite.expiresAt));
    expect(await appErrorCode(joinAsTyped(late, formatJoinCode(invite.code)))).toBe("not_found");
    clock.advance(DAY_MS);
    expect(await appErrorCode(joinAsTyped(late, formatJoinCode(invite.code)))).toBe("not_found");
    expect(await roleOf(group.id, late.id)).toBeNull();
    clock.set(start);
  });

  it("a revoked code and an unknown code are not_found", async () => {
    const teacher = await person("Teacher Revoke");
    const student = await person("Student Revoke");
    const group = await newClass(teacher, "History 104");
    const invite = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });

    await revokeInvite(db.prisma, teacher, { groupId: group.id, inviteId: invite.id }, { clock });

    expect(await appErrorCode(joinAsTyped(student, formatJoinCode(invite.code)))).toBe("not_found");
    expect(await appErrorCode(joinAsTyped(student, "ZZZZZ-ZZZZZ"))).toBe("not_found");
    expect(await roleOf(group.id, student.id)).toBeNull();
    // Revoking twice: no such active invitation.
    expect(await appErrorCode(revokeInvite(db.prisma, teacher, { groupId: group.id, inviteId: invite.id }, { clock }))).toBe("not_found");
  });
});

describe("who sees a group's page", () => {
  it("a non-member gets not_found; a member gets the member list (no emails, no invitations)", async () => {
    const teacher = await person("Teacher Page");
    const student = await person("Student Page");
    const outsider = await person("Outsider Page");
    const group = await newClass(teacher, "History 105");
    const invite = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });
    await joinAsTyped(student, invite.code);

    expect(await appErrorCode(getGroupPage(db.prisma, outsider, group.id, clock))).toBe("not_found");

    const page = await getGroupPage(db.prisma, student, group.id, clock);
    expect(page).toMatchObject({ viewerRole: "member", mayInvite: false, mayManage: false });
    expect(page.group.name).toBe("History 105");
    expect(page.group.memberships.map((m) => [m.user.displayName, m.role])).toEqual([
      ["Teacher Page", "owner"],
      ["Student Page", "member"],
    ]);
    for (const membership of page.group.memberships) expect(Object.keys(membership.user).sort()).toEqual(["affiliation", "displayName", "id"]);
    expect(page.group.invites).toBeUndefined();

    const ownerPage = await getGroupPage(db.prisma, teacher, group.id, clock);
    expect(ownerPage).toMatchObject({ viewerRole: "owner", mayInvite: true, mayManage: true });
    expect(ownerPage.group.invites?.map((i) => i.code)).toEqual([invite.code]);
  });

  it("a student of class A cannot read class B's page", async () => {
    const teacherA = await person("Teacher A");
    const teacherB = await person("Teacher B");
    const student = await person("Student of A");
    const classA = await newClass(teacherA, "Class A");
    const classB = await newClass(teacherB, "Class B");
    await joinAsTyped(student, (await createInvite(db.prisma, teacherA, { groupId: classA.id, expiresInDays: 14 }, { clock })).code);

    expect((await getGroupPage(db.prisma, student, classA.id, clock)).viewerRole).toBe("member");
    expect(await appErrorCode(getGroupPage(db.prisma, student, classB.id, clock))).toBe("not_found");
    // Nor invite to it, nor leave it: it stays hidden.
    expect(await appErrorCode(createInvite(db.prisma, student, { groupId: classB.id, expiresInDays: 14 }, { clock }))).toBe("not_found");
    expect(await appErrorCode(leaveGroup(db.prisma, student, { groupId: classB.id }))).toBe("not_found");
  });

  it("an unknown or malformed group id is not_found", async () => {
    const someone = await person("Someone");
    expect(await appErrorCode(getGroupPage(db.prisma, someone, "00000000-0000-4000-8000-000000000000", clock))).toBe("not_found");
    expect(await appErrorCode(getGroupPage(db.prisma, someone, "../../admin", clock))).toBe("not_found");
  });
});

describe("roles inside a group", () => {
  it("a member cannot invite: forbidden", async () => {
    const teacher = await person("Teacher Invite");
    const student = await person("Student Invite");
    const group = await newClass(teacher, "History 106");
    await joinAsTyped(student, (await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock })).code);
    const invitesBefore = await db.prisma.groupInvite.count({ where: { groupId: group.id } });

    expect(await appErrorCode(createInvite(db.prisma, student, { groupId: group.id, expiresInDays: 14 }, { clock }))).toBe("forbidden");
    expect(await db.prisma.groupInvite.count({ where: { groupId: group.id } })).toBe(invitesBefore);
  });

  it("a moderator can invite and remove a member, but not another moderator nor the owner", async () => {
    const teacher = await person("Teacher Mod");
    const [assistantA, assistantB, student] = [await person("Assistant A"), await person("Assistant B"), await person("Student Mod")];
    const group = await newClass(teacher, "History 107");
    const { code } = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });
    for (const actor of [assistantA, assistantB, student]) await joinAsTyped(actor, code);
    await changeMemberRole(db.prisma, teacher, { groupId: group.id, userId: assistantA.id, role: "moderator" });
    await changeMemberRole(db.prisma, teacher, { groupId: group.id, userId: assistantB.id, role: "moderator" });

    await createInvite(db.prisma, assistantA, { groupId: group.id, expiresInDays: 7 }, { clock });
    expect(await appErrorCode(removeMember(db.prisma, assistantA, { groupId: group.id, userId: assistantB.id }))).toBe("forbidden");
    expect(await appErrorCode(removeMember(db.prisma, assistantA, { groupId: group.id, userId: teacher.id }))).toBe("forbidden");
    expect(await appErrorCode(changeMemberRole(db.prisma, assistantA, { groupId: group.id, userId: student.id, role: "moderator" }))).toBe("forbidden");
    await removeMember(db.prisma, assistantA, { groupId: group.id, userId: student.id });

    expect(await roleOf(group.id, student.id)).toBeNull();
    expect(await roleOf(group.id, assistantB.id)).toBe("moderator");
    expect(await roleOf(group.id, teacher.id)).toBe("owner");
    // The removed student no longer sees the class.
    expect(await appErrorCode(getGroupPage(db.prisma, student, group.id, clock))).toBe("not_found");
  });

  it("a member cannot remove another member: forbidden", async () => {
    const teacher = await person("Teacher Remove");
    const [first, second] = [await person("Student One"), await person("Student Two")];
    const group = await newClass(teacher, "History 108");
    const { code } = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });
    await joinAsTyped(first, code);
    await joinAsTyped(second, code);

    expect(await appErrorCode(removeMember(db.prisma, first, { groupId: group.id, userId: second.id }))).toBe("forbidden");
    expect(await roleOf(group.id, second.id)).toBe("member");
  });

  it("the owner cannot leave (conflict) until ownership is transferred; then, as moderator, they can", async () => {
    const teacher = await person("Teacher Leave");
    const successor = await person("Successor");
    const group = await newClass(teacher, "History 109");
    await joinAsTyped(successor, (await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock })).code);

    expect(await appErrorCode(leaveGroup(db.prisma, teacher, { groupId: group.id }))).toBe("conflict");
    expect(await roleOf(group.id, teacher.id)).toBe("owner");

    await transferOwnership(db.prisma, teacher, { groupId: group.id, userId: successor.id });
    expect(await roleOf(group.id, successor.id)).toBe("owner");
    expect(await roleOf(group.id, teacher.id)).toBe("moderator");
    expect(await db.prisma.membership.count({ where: { groupId: group.id, role: "owner" } })).toBe(1);

    // The new owner is bound in turn; the old one may go.
    expect(await appErrorCode(leaveGroup(db.prisma, successor, { groupId: group.id }))).toBe("conflict");
    await leaveGroup(db.prisma, teacher, { groupId: group.id });
    expect(await roleOf(group.id, teacher.id)).toBeNull();
    expect(await appErrorCode(getGroupPage(db.prisma, teacher, group.id, clock))).toBe("not_found");
  });

  it("who may leave, with the statuses the route answers: anonymous 401, an outsider 404, an admin outside 403, the owner 409", async () => {
    const teacher = await person("Teacher Statuses");
    const outsider = await person("Outsider Statuses");
    const admin = (await signIn(db.prisma, (await seedUser(db.prisma, { siteRole: "admin", displayName: "Admin Statuses" })).id, clock)).actor;
    const group = await newClass(teacher, "History 112");
    const { code } = await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock });

    expect(await appErrorCode(leaveGroup(db.prisma, { kind: "anonymous" }, { groupId: group.id }))).toBe("unauthenticated");
    expect(await appErrorCode(leaveGroup(db.prisma, outsider, { groupId: group.id }))).toBe("not_found");
    expect(await appErrorCode(leaveGroup(db.prisma, admin, { groupId: group.id }))).toBe("forbidden");
    expect(await appErrorCode(leaveGroup(db.prisma, teacher, { groupId: group.id }))).toBe("conflict");
    // Joining: a live code asks an anonymous visitor to sign in; an unknown one is not found for anyone.
    expect(await appErrorCode(joinGroup(db.prisma, { kind: "anonymous" }, { code }, { clock }))).toBe("unauthenticated");
    expect(await appErrorCode(joinGroup(db.prisma, { kind: "anonymous" }, { code: "ZZZZZZZZZZ" }, { clock }))).toBe("not_found");
    expect(await roleOf(group.id, teacher.id)).toBe("owner");
  });

  it("only the owner can transfer ownership, and only to a member", async () => {
    const teacher = await person("Teacher Transfer");
    const student = await person("Student Transfer");
    const outsider = await person("Outsider Transfer");
    const group = await newClass(teacher, "History 110");
    await joinAsTyped(student, (await createInvite(db.prisma, teacher, { groupId: group.id, expiresInDays: 14 }, { clock })).code);

    expect(await appErrorCode(transferOwnership(db.prisma, student, { groupId: group.id, userId: student.id }))).toBe("forbidden");
    expect(await appErrorCode(transferOwnership(db.prisma, teacher, { groupId: group.id, userId: outsider.id }))).toBe("not_found");
    expect(await roleOf(group.id, teacher.id)).toBe("owner");
  });
});

describe("listMyGroups", () => {
  it("lists the actor's groups by name with the actor's role and member counts", async () => {
    const teacher = await person("Teacher List");
    const [s1, s2, s3] = [await person("List One"), await person("List Two"), await person("List Three")];
    const algebra = await newClass(teacher, "Algebra (list)");
    const botany = await newClass(s1, "Botany (list)");
    const algebraCode = (await createInvite(db.prisma, teacher, { groupId: algebra.id, expiresInDays: 14 }, { clock })).code;
    for (const student of [s1, s2, s3]) await joinAsTyped(student, algebraCode);
    await joinAsTyped(teacher, (await createInvite(db.prisma, s1, { groupId: botany.id, expiresInDays: 14 }, { clock })).code);

    expect((await listMyGroups(db.prisma, teacher)).map(({ name, role, members, kind }) => ({ name, role, members, kind }))).toEqual([
      { name: "Algebra (list)", role: "owner", members: 4, kind: "class" },
      { name: "Botany (list)", role: "member", members: 2, kind: "class" },
    ]);
    expect((await listMyGroups(db.prisma, s1)).map(({ name, role, members }) => ({ name, role, members }))).toEqual([
      { name: "Algebra (list)", role: "member", members: 4 },
      { name: "Botany (list)", role: "owner", members: 2 },
    ]);
    expect(await listMyGroups(db.prisma, { kind: "anonymous" })).toEqual([]);
  });
});
