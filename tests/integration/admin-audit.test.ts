import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeSiteRole, setSuspended } from "@/lib/admin/admin-operations";
import { findUsers, listAuditRecords } from "@/lib/admin/admin-queries";
import { ANONYMOUS } from "@/lib/authz/actor";
import { actorForSession } from "@/lib/auth/sessions";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const clock = createControllableClock();
let db: TestDatabase;
let admin: SignedInActor;

beforeAll(async () => {
  db = await createTestDatabase();
  const adminUser = await seedUser(db.prisma, { siteRole: "admin", displayName: "Site admin" });
  admin = (await signIn(db.prisma, adminUser.id, clock)).actor;
});
afterAll(async () => {
  await db?.drop();
});

const auditCount = () => db.prisma.auditRecord.count();
const userRow = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id } });

describe("every admin change writes exactly one audit record", () => {
  it("a site role change: actor, subject, action, before, after, reason", async () => {
    const user = await seedUser(db.prisma);
    const before = await auditCount();
    clock.advance(1_000);

    await changeSiteRole(db.prisma, admin, { userId: user.id, siteRole: "reviewer", reason: "joins the review board" }, { clock });

    expect(await auditCount()).toBe(before + 1);
    const records = await db.prisma.auditRecord.findMany({ where: { subjectId: user.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actorId: admin.id,
      subjectId: user.id,
      action: "site_role.change",
      before: "researcher",
      after: "reviewer",
      reason: "joins the review board",
      createdAt: clock.now(),
    });
    expect((await userRow(user.id)).siteRole).toBe("reviewer");
  });

  it("a suspension and a restore: one record each", async () => {
    const user = await seedUser(db.prisma);
    const before = await auditCount();

    clock.advance(1_000);
    const suspendedAt = clock.now();
    await setSuspended(db.prisma, admin, { userId: user.id, suspended: true, reason: "posted spam" }, { clock });
    expect(await auditCount()).toBe(before + 1);
    expect((await userRow(user.id)).status).toBe("suspended");

    clock.advance(1_000);
    const restoredAt = clock.now();
    await setSuspended(db.prisma, admin, { userId: user.id, suspended: false, reason: "appeal accepted" }, { clock });
    expect(await auditCount()).toBe(before + 2);
    expect((await userRow(user.id)).status).toBe("active");

    const records = await db.prisma.auditRecord.findMany({ where: { subjectId: user.id }, orderBy: { createdAt: "asc" } });
    expect(records).toEqual([
      expect.objectContaining({ actorId: admin.id, action: "account.suspend", before: "active", after: "suspended", reason: "posted spam", createdAt: suspendedAt }),
      expect.objectContaining({ actorId: admin.id, action: "account.restore", before: "suspended", after: "active", reason: "appeal accepted", createdAt: restoredAt }),
    ]);
  });

  it("a change to the value the user already has is no change and writes nothing", async () => {
    const user = await seedUser(db.prisma);
    const before = await auditCount();

    expect(await changeSiteRole(db.prisma, admin, { userId: user.id, siteRole: "researcher", reason: "no-op" }, { clock })).toEqual({ changed: false });
    expect(await setSuspended(db.prisma, admin, { userId: user.id, suspended: false, reason: "no-op" }, { clock })).toEqual({ changed: false });

    expect(await auditCount()).toBe(before);
  });

  it("the admin's audit log lists the records with actor and subject names, newest first", async () => {
    const user = await seedUser(db.prisma, { displayName: "Listed subject" });
    clock.advance(1_000);
    await setSuspended(db.prisma, admin, { userId: user.id, suspended: true, reason: "listed" }, { clock });

    const [newest] = await listAuditRecords(db.prisma, admin);
    expect(newest).toMatchObject({ action: "account.suspend", reason: "listed", actor: { displayName: "Site admin" }, subject: { displayName: "Listed subject" } });
  });
});

describe("who may not", () => {
  it("a researcher or a reviewer gets not_found (the admin area stays hidden) and nothing is written", async () => {
    const target = await seedUser(db.prisma);
    const targetSession = await signIn(db.prisma, target.id, clock);
    const researcher = (await signIn(db.prisma, (await seedUser(db.prisma)).id, clock)).actor;
    const reviewer = (await signIn(db.prisma, (await seedUser(db.prisma, { siteRole: "reviewer" })).id, clock)).actor;
    const before = await auditCount();

    for (const actor of [researcher, reviewer]) {
      expect(await appErrorCode(changeSiteRole(db.prisma, actor, { userId: target.id, siteRole: "admin", reason: "let me in" }, { clock }))).toBe("not_found");
      expect(await appErrorCode(setSuspended(db.prisma, actor, { userId: target.id, suspended: true, reason: "dislike them" }, { clock }))).toBe("not_found");
      // Promoting oneself is no better.
      expect(await appErrorCode(changeSiteRole(db.prisma, actor, { userId: actor.id, siteRole: "admin", reason: "let me in" }, { clock }))).toBe("not_found");
      expect(await appErrorCode(findUsers(db.prisma, actor, ""))).toBe("not_found");
      expect(await appErrorCode(listAuditRecords(db.prisma, actor))).toBe("not_found");
    }

    expect(await auditCount()).toBe(before);
    expect(await userRow(target.id)).toMatchObject({ siteRole: "researcher", status: "active" });
    expect(await userRow(researcher.id)).toMatchObject({ siteRole: "researcher" });
    expect(await actorForSession(db.prisma, targetSession.sessionId, clock)).toMatchObject({ kind: "user", id: target.id });
  });

  it("an anonymous visitor is asked to sign in, and nothing is written", async () => {
    const target = await seedUser(db.prisma);
    const before = await auditCount();

    expect(await appErrorCode(changeSiteRole(db.prisma, ANONYMOUS, { userId: target.id, siteRole: "admin", reason: "let me in" }, { clock }))).toBe("unauthenticated");
    expect(await appErrorCode(setSuspended(db.prisma, ANONYMOUS, { userId: target.id, suspended: true, reason: "why not" }, { clock }))).toBe("unauthenticated");

    expect(await auditCount()).toBe(before);
  });

  it("an admin cannot suspend or demote themself: forbidden (they may see the admin area), nothing written", async () => {
    const before = await auditCount();

    expect(await appErrorCode(setSuspended(db.prisma, admin, { userId: admin.id, suspended: true, reason: "taking a break" }, { clock }))).toBe("forbidden");
    expect(await appErrorCode(changeSiteRole(db.prisma, admin, { userId: admin.id, siteRole: "researcher", reason: "stepping down" }, { clock }))).toBe("forbidden");

    expect(await auditCount()).toBe(before);
    expect(await userRow(admin.id)).toMatchObject({ siteRole: "admin", status: "active" });
    expect(await actorForSession(db.prisma, admin.sessionId!, clock)).toMatchObject({ kind: "user", siteRole: "admin" });
  });

  it("an unknown or malformed user id is not_found, and nothing is written", async () => {
    const before = await auditCount();
    expect(await appErrorCode(setSuspended(db.prisma, admin, { userId: "00000000-0000-4000-8000-000000000000", suspended: true, reason: "ghost" }, { clock }))).toBe("not_found");
    expect(await appErrorCode(changeSiteRole(db.prisma, admin, { userId: "not-a-uuid", siteRole: "admin", reason: "ghost" }, { clock }))).toBe("not_found");
    expect(await auditCount()).toBe(before);
  });
});

describe("the audit table is append-only", () => {
  async function someRecord() {
    const user = await seedUser(db.prisma);
    clock.advance(1_000);
    await setSuspended(db.prisma, admin, { userId: user.id, suspended: true, reason: "evidence" }, { clock });
    return db.prisma.auditRecord.findFirstOrThrow({ where: { subjectId: user.id } });
  }

  it("refuses a raw UPDATE", async () => {
    const record = await someRecord();
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "AuditRecord" SET "reason" = 'nothing happened' WHERE "id" = $1::uuid`, record.id),
    ).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditRecord.findUniqueOrThrow({ where: { id: record.id } })).toEqual(record);
  });

  it("refuses a raw DELETE", async () => {
    const record = await someRecord();
    const before = await auditCount();
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditRecord" WHERE "id" = $1::uuid`, record.id)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditRecord"`)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });

  it("refuses the Prisma client's update and delete too", async () => {
    const record = await someRecord();
    await expect(db.prisma.auditRecord.update({ where: { id: record.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditRecord.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditRecord.findUniqueOrThrow({ where: { id: record.id } })).toEqual(record);
  });

  it("refuses TRUNCATE, which row-level triggers do not see", async () => {
    await someRecord();
    const before = await auditCount();
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditRecord"`)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });

  it("a user named in an audit record cannot be deleted from under it", async () => {
    const record = await someRecord();
    await expect(db.prisma.user.delete({ where: { id: record.subjectId! } })).rejects.toThrow();
    expect(await db.prisma.auditRecord.findUniqueOrThrow({ where: { id: record.id } })).toEqual(record);
  });

  it("no code under lib/ or app/ updates, deletes or upserts an audit record", () => {
    const roots = ["lib", "app"];
    const skipped = new Set([path.join("lib", "db", "generated")]); // Prisma's generated client documents every method
    const offending: string[] = [];
    let scanned = 0;
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const child = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!skipped.has(child) && entry.name !== "node_modules") walk(child);
        } else if (/\.(ts|tsx|js|mjs|cjs|sql)$/.test(entry.name)) {
          scanned += 1;
          const text = readFileSync(child, "utf8");
          const hits = [
            ...text.matchAll(/auditRecord\s*\??\.\s*(update|delete|upsert)\w*/gi),
            ...text.matchAll(/\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?"?AuditRecord"?/gi),
          ];
          for (const hit of hits) offending.push(`${child}: ${hit[0]}`);
        }
      }
    };
    for (const root of roots) walk(root);

    expect(scanned).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
