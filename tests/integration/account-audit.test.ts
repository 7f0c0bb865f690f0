import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/account-operations";
import { listAuditRecords } from "@/lib/admin/admin-queries";
import { writeAudit } from "@/lib/operations/audit";
import { createAccessToken, revokeAccessToken } from "@/lib/tokens/token-operations";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The account operations audited through their definitions (lib/operations/define-operation.ts): token creation and
// revocation, and account deletion; and the admin's log naming the group and the object of what other areas audit.
const clock = createControllableClock();
let db: TestDatabase;
let admin: SignedInActor;

beforeAll(async () => {
  db = await createTestDatabase();
  admin = (await signIn(db.prisma, (await seedUser(db.prisma, { siteRole: "admin", displayName: "Site admin" })).id, clock)).actor;
});
afterAll(async () => {
  await db?.drop();
});

async function reader(): Promise<SignedInActor> {
  return (await signIn(db.prisma, (await seedUser(db.prisma)).id, clock)).actor;
}
const recordsAbout = (subjectId: string) => db.prisma.auditRecord.findMany({ where: { subjectId }, orderBy: { createdAt: "asc" } });

describe("token operations are audited", () => {
  it("a creation: actor and subject the owner, the token as target, its scope and name, never the token itself", async () => {
    const owner = await reader();
    clock.advance(1_000);
    const created = await createAccessToken(db.prisma, owner, { name: "Zotero sync", scope: "write" }, { clock });

    const records = await recordsAbout(owner.id);
    expect(records).toEqual([
      expect.objectContaining({
        actorId: owner.id,
        subjectId: owner.id,
        groupId: null,
        targetId: created.id,
        action: "access_token.create",
        before: null,
        after: `${created.id} write`,
        reason: "Zotero sync",
        createdAt: clock.now(),
      }),
    ]);
    expect(JSON.stringify(records)).not.toContain(created.token);
  });

  it("a revocation: one record naming the token; refused revocations write nothing", async () => {
    const owner = await reader();
    const stranger = await reader();
    const { id } = await createAccessToken(db.prisma, owner, { name: "to revoke" }, { clock });
    clock.advance(1_000);

    await revokeAccessToken(db.prisma, owner, { tokenId: id }, { clock });

    const revoked = (await recordsAbout(owner.id)).filter((record) => record.action === "access_token.revoke");
    expect(revoked).toEqual([
      expect.objectContaining({ actorId: owner.id, subjectId: owner.id, targetId: id, before: id, after: null, reason: "revoked by its owner", createdAt: clock.now() }),
    ]);

    const before = await db.prisma.auditRecord.count();
    expect(await appErrorCode(revokeAccessToken(db.prisma, owner, { tokenId: id }, { clock }))).toBe("not_found");
    const other = await createAccessToken(db.prisma, owner, { name: "not theirs" }, { clock });
    expect(await appErrorCode(revokeAccessToken(db.prisma, stranger, { tokenId: other.id }, { clock }))).toBe("not_found");
    expect(await db.prisma.auditRecord.count()).toBe(before + 1); // the creation only
  });
});

describe("account deletion is audited", () => {
  it("one record: the user as actor and subject, active → deleted, the choice about notes as its reason", async () => {
    const user = await reader();
    clock.advance(1_000);

    await deleteAccount(db.prisma, user, { notes: "delete" }, { clock });

    expect(await recordsAbout(user.id)).toEqual([
      expect.objectContaining({ actorId: user.id, subjectId: user.id, action: "account.delete", before: "active", after: "deleted", reason: "notes: delete", createdAt: clock.now() }),
    ]);
  });

  it("a refused deletion (the owner of a group) writes nothing", async () => {
    const owner = await reader();
    await db.prisma.group.create({ data: { kind: "research", name: "Kept group", createdById: owner.id, memberships: { create: { userId: owner.id, role: "owner" } } } });

    expect(await appErrorCode(deleteAccount(db.prisma, owner, { notes: "keep-as-deleted-user" }, { clock }))).toBe("conflict");

    expect(await recordsAbout(owner.id)).toEqual([]);
  });
});

describe("the admin's audit log", () => {
  it("names the group of a record while it exists, keeps the id once it is gone, and shows the target", async () => {
    const teacher = await reader();
    const group = await db.prisma.group.create({ data: { kind: "class", name: "Letters of 1928", createdById: teacher.id } });
    const vanished = randomUUID();
    const assignment = randomUUID();
    clock.advance(1_000);
    await db.prisma.$transaction((tx) =>
      writeAudit(
        tx,
        teacher,
        [
          { action: "grade.set", subjectId: admin.id, groupId: group.id, targetId: assignment, before: null, after: "B+" },
          { action: "invite.create", groupId: vanished, targetId: "an-invite" },
        ],
        clock.now(),
      ),
    );

    const listed = await listAuditRecords(db.prisma, admin);
    expect(listed.find((record) => record.action === "grade.set")).toMatchObject({
      groupId: group.id,
      groupName: "Letters of 1928",
      targetId: assignment,
      actor: { displayName: teacher.displayName },
      subject: { displayName: "Site admin" },
      after: "B+",
    });
    expect(listed.find((record) => record.action === "invite.create")).toMatchObject({ groupId: vanished, groupName: null, targetId: "an-invite", subject: null });
  });
});
