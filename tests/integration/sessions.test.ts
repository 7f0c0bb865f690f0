import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeSiteRole, setSuspended } from "@/lib/admin/admin-operations";
import { actorForSession, createSession, revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_TOUCH_INTERVAL_MS,
} from "@/lib/auth/session-lifetime";
import { seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock, type ControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const HOUR_MS = 60 * 60 * 1000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function sessionRow(sessionId: string) {
  return db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
}

/** An admin signed in on the same clock, to act on other users. */
async function signedInAdmin(clock: ControllableClock): Promise<SignedInActor> {
  const admin = await seedUser(db.prisma, { siteRole: "admin", displayName: "Site admin" });
  return (await signIn(db.prisma, admin.id, clock)).actor;
}

describe("signing out", () => {
  it("revokeSession ends that session only; the user's other session keeps working", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const laptop = await signIn(db.prisma, user.id, clock, "laptop");
    const phone = await signIn(db.prisma, user.id, clock, "phone");

    await revokeSession(db.prisma, phone.sessionId, "signed out", clock);

    expect(await actorForSession(db.prisma, phone.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, laptop.sessionId, clock)).toEqual({
      kind: "user",
      id: user.id,
      displayName: user.displayName,
      siteRole: "researcher",
      sessionId: laptop.sessionId,
    });
    const revoked = await sessionRow(phone.sessionId);
    expect(revoked.revokedAt).toEqual(clock.now());
    expect(revoked.revokedReason).toBe("signed out");
    expect((await sessionRow(laptop.sessionId)).revokedAt).toBeNull();
  });

  it("revoking an already revoked session keeps the first time and reason", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);
    await revokeSession(db.prisma, sessionId, "signed out", clock);
    const first = await sessionRow(sessionId);

    clock.advance(5 * 60 * 1000);
    await revokeSession(db.prisma, sessionId, "signed out again", clock);

    const second = await sessionRow(sessionId);
    expect(second.revokedAt).toEqual(first.revokedAt);
    expect(second.revokedReason).toBe("signed out");
  });

  it("revokeAllSessions (sign out everywhere) ends every session of the user and no one else's", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const bystander = await seedUser(db.prisma);
    const laptop = await signIn(db.prisma, user.id, clock, "laptop");
    const phone = await signIn(db.prisma, user.id, clock, "phone");
    const theirs = await signIn(db.prisma, bystander.id, clock);

    const ended = await revokeAllSessions(db.prisma, user.id, "signed out everywhere", clock);

    expect(ended).toBe(2);
    expect(await actorForSession(db.prisma, laptop.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, phone.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, theirs.sessionId, clock)).toMatchObject({ kind: "user", id: bystander.id });
    const rows = await db.prisma.session.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.revokedReason)).toEqual(["signed out everywhere", "signed out everywhere"]);
  });

  it("an unknown session id answers anonymous", async () => {
    const clock = createControllableClock();
    expect(await actorForSession(db.prisma, "00000000-0000-4000-8000-000000000000", clock)).toEqual({ kind: "anonymous" });
  });
});

describe("idle timeout", () => {
  it("a session left alone for SESSION_IDLE_TIMEOUT_MS answers anonymous", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);

    clock.advance(SESSION_IDLE_TIMEOUT_MS);

    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
    // Still anonymous afterwards: an expired session is not revived by being asked about.
    clock.advance(1);
    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
  });

  it("a session last seen just under SESSION_IDLE_TIMEOUT_MS ago still answers the user", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);

    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1);

    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
  });

  it("lastSeenAt is written at most once per SESSION_TOUCH_INTERVAL_MS, and activity keeps the session alive", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);
    const signedInAt = clock.now();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(signedInAt);

    // A request within the touch interval does not write the row.
    clock.advance(SESSION_TOUCH_INTERVAL_MS - 1_000);
    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(signedInAt);

    // Once the interval has passed, the next request moves lastSeenAt to now.
    const touchedAt = clock.advance(1_000);
    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(touchedAt);

    // The idle window now counts from that request: past signedInAt + idle, yet alive…
    clock.set(new Date(signedInAt.getTime() + SESSION_IDLE_TIMEOUT_MS + 1_000));
    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
    const lastTouch = (await sessionRow(sessionId)).lastSeenAt;
    expect(lastTouch).toEqual(clock.now());

    // …and a session used every few hours lives through many idle windows.
    for (let visit = 0; visit < 4; visit += 1) {
      clock.advance(SESSION_IDLE_TIMEOUT_MS - HOUR_MS);
      expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
      expect((await sessionRow(sessionId)).lastSeenAt).toEqual(clock.now());
    }

    // Then left alone for the whole idle window from its last request, it ends.
    clock.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
  });
});

describe("absolute lifetime", () => {
  it("ends even a session used every four hours, at createdAt + SESSION_ABSOLUTE_LIFETIME_MS", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);
    const row = await sessionRow(sessionId);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_ABSOLUTE_LIFETIME_MS);

    const step = 4 * HOUR_MS;
    const steps = SESSION_ABSOLUTE_LIFETIME_MS / step;
    expect(Number.isInteger(steps)).toBe(true);
    for (let visit = 1; visit < steps; visit += 1) {
      clock.advance(step);
      expect(await actorForSession(db.prisma, sessionId, clock), `visit ${visit}`).toMatchObject({ kind: "user" });
    }
    // One millisecond before the end it still works (and was seen within the idle window)…
    clock.set(new Date(row.expiresAt.getTime() - 1));
    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: user.id });
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(clock.now());

    // …and at the end, however recently used, it is over.
    clock.advance(1);
    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
  });
});

describe("administrative changes end sessions", () => {
  it("a suspended user's session answers anonymous on the very next call", async () => {
    const clock = createControllableClock();
    const admin = await signedInAdmin(clock);
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);

    await setSuspended(db.prisma, admin, { userId: user.id, suspended: true, reason: "spam in class notes" }, { clock });

    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
    const row = await sessionRow(sessionId);
    expect(row.revokedAt).toEqual(clock.now());
    expect(row.revokedReason).toBe("suspended");
    // The admin's own session is untouched.
    expect(await actorForSession(db.prisma, admin.sessionId!, clock)).toMatchObject({ kind: "user", id: admin.id });
  });

  it("a suspended user's session answers anonymous even if its row was never revoked", async () => {
    const clock = createControllableClock();
    const user = await seedUser(db.prisma);
    const { sessionId } = await signIn(db.prisma, user.id, clock);

    await db.prisma.user.update({ where: { id: user.id }, data: { status: "suspended" } });

    expect((await sessionRow(sessionId)).revokedAt).toBeNull();
    expect(await actorForSession(db.prisma, sessionId, clock)).toEqual({ kind: "anonymous" });
  });

  it("a site role change revokes every session of the user and leaves an audit record", async () => {
    const clock = createControllableClock();
    const admin = await signedInAdmin(clock);
    const user = await seedUser(db.prisma);
    const laptop = await signIn(db.prisma, user.id, clock, "laptop");
    const phone = await signIn(db.prisma, user.id, clock, "phone");

    const outcome = await changeSiteRole(db.prisma, admin, { userId: user.id, siteRole: "reviewer", reason: "joins the review board" }, { clock });

    expect(outcome).toEqual({ changed: true });
    expect(await actorForSession(db.prisma, laptop.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, phone.sessionId, clock)).toEqual({ kind: "anonymous" });
    const rows = await db.prisma.session.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.revokedReason)).toEqual(["site role changed", "site role changed"]);

    const records = await db.prisma.auditRecord.findMany({ where: { subjectId: user.id } });
    expect(records).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        subjectId: user.id,
        action: "site_role.change",
        before: "researcher",
        after: "reviewer",
        reason: "joins the review board",
        createdAt: clock.now(),
      }),
    ]);

    // Signing in again gives a session with the new role.
    const again = await signIn(db.prisma, user.id, clock);
    expect(again.actor.siteRole).toBe("reviewer");
  });

  it("restoring a suspended user does not revive the sessions the suspension ended", async () => {
    const clock = createControllableClock();
    const admin = await signedInAdmin(clock);
    const user = await seedUser(db.prisma);
    const laptop = await signIn(db.prisma, user.id, clock, "laptop");
    const phone = await signIn(db.prisma, user.id, clock, "phone");

    await setSuspended(db.prisma, admin, { userId: user.id, suspended: true, reason: "compromised account" }, { clock });
    clock.advance(10 * 60 * 1000);
    await setSuspended(db.prisma, admin, { userId: user.id, suspended: false, reason: "password reset by the owner" }, { clock });

    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("active");
    expect(await actorForSession(db.prisma, laptop.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, phone.sessionId, clock)).toEqual({ kind: "anonymous" });
    const rows = await db.prisma.session.findMany({ where: { userId: user.id } });
    expect(rows.every((row) => row.revokedReason === "suspended")).toBe(true);

    // A fresh sign-in works again.
    const fresh = await createSession(db.prisma, { userId: user.id, method: "credentials" }, clock);
    expect(await actorForSession(db.prisma, fresh.id, clock)).toMatchObject({ kind: "user", id: user.id });
  });
});
