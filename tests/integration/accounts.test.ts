import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAccount } from "@/lib/accounts/account-operations";
import { changePassword, completePasswordReset, requestPasswordReset } from "@/lib/accounts/password-operations";
import { setSuspended } from "@/lib/admin/admin-operations";
import { ZSignUp } from "@/lib/auth/account-schemas";
import { ANONYMOUS } from "@/lib/authz/actor";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/password/password-policy";
import { actorForSession } from "@/lib/auth/sessions";
import { confirmSignUp, signUp } from "@/lib/auth/sign-up";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors/app-error";
import { createGroup } from "@/lib/groups/group-operations";
import { deliverDueMail } from "@/lib/mail/mail-worker";
import { appErrorOf, freshClientAddress, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Mail goes to the OutboxMessage table (lib/mail/mail-transport.ts), never to an SMTP server, whatever the shell says.
vi.hoisted(() => {
  process.env.DEMO_DATA = "1";
  delete process.env.SMTP_URL;
});

const HOUR_MS = 60 * 60 * 1000;
const BASE_URL = "https://marginalia.example/";
const PASSWORD = "marginal notes on a 1928 letter";
const NEW_PASSWORD = "a quieter evening in Alma-Ata";
const COMMON_PASSWORD = "1qaz2wsx3edc";
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

const clock = createControllableClock();
let db: TestDatabase;
let emailCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  // Sign-up and reset requests are rate-limited by their operations; the limiters count in this database.
  process.env.DATABASE_URL = db.url;
});
afterAll(async () => {
  await db?.drop();
});

/** The confirmation token in the newest sign-up mail to this address (sent by the mail worker). */
async function confirmationMailedTo(email: string) {
  await deliverDueMail(db.prisma);
  const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return { message, token: /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1] };
}

/** A signed-up researcher whose address is confirmed, with a known password and email. */
async function account(displayName = "Reader") {
  emailCounter += 1;
  const email = `reader-${emailCounter}-${Date.now()}@example.org`;
  await signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName, password: PASSWORD }), siteUrl: BASE_URL }, fromClient());
  const { userId } = await confirmSignUp(db.prisma, ANONYMOUS, { token: (await confirmationMailedTo(email)).token! }, { clock });
  return { userId, email };
}

/** The Prisma operations `run` sends, in order ("Model.operation"), through a client that records them. */
async function statementsOf(run: (client: typeof db.prisma) => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const counting = db.prisma.$extends({
    query: { $allOperations: async ({ operation, model, args, query }) => (seen.push(`${model ?? "raw"}.${operation}`), query(args)) },
  });
  await run(counting as unknown as typeof db.prisma);
  return seen;
}

/** The clock, and a client address of its own (so the per-client limits never speak here). */
const fromClient = () => ({ clock, clientAddress: freshClientAddress() });

const userRow = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id } });

/** The reset token in the one message the outbox holds for this address. */
async function resetTokenMailedTo(email: string) {
  await deliverDueMail(db.prisma); // what each app process's mail worker does
  const messages = await db.prisma.outboxMessage.findMany({ where: { to: email, subject: "Reset your Marginalia password" } });
  expect(messages).toHaveLength(1);
  const link = messages[0].text.match(/https:\/\/marginalia\.example\/reset-password\/([A-Za-z0-9_-]+)/);
  expect(link, messages[0].text).not.toBeNull();
  return link![1];
}

describe("signUp", () => {
  it("creates an unconfirmed researcher with an argon2id hash, under the lower-cased email, and mails the link", async () => {
    const input = ZSignUp.parse({ email: "Ada.Lovelace@Example.ORG", displayName: "  Ada Lovelace ", password: PASSWORD });
    const { userId: created, outcome } = await signUp(db.prisma, ANONYMOUS, { ...input, siteUrl: BASE_URL }, fromClient());
    const userId = created!;
    expect(outcome).toBe("created");

    const user = await userRow(userId);
    expect(user).toMatchObject({ email: "ada.lovelace@example.org", displayName: "Ada Lovelace", siteRole: "researcher", status: "active", deletedAt: null, emailConfirmedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    // No password sign-in before the address is confirmed; then it works, and the link works once.
    expect(await verifyCredentials(db.prisma, "ada.lovelace@example.org", PASSWORD)).toBeNull();
    const { message, token } = await confirmationMailedTo("ada.lovelace@example.org");
    expect(message.subject).toBe("Confirm your Marginalia account");
    expect(token).toBeTruthy();
    expect(JSON.stringify(await db.prisma.signUpConfirmation.findMany({ where: { userId } }))).not.toContain(token!);
    await confirmSignUp(db.prisma, ANONYMOUS, { token: token! }, { clock });
    expect(await verifyCredentials(db.prisma, "ada.lovelace@example.org", PASSWORD)).toMatchObject({ id: userId });
    expect(await appErrorOf(confirmSignUp(db.prisma, ANONYMOUS, { token: token! }, { clock }))).toMatchObject({ code: "not_found" });
  });

  it("a registered address (any case) changes nothing and is told so by mail, not by the answer", async () => {
    const { email, userId } = await account();
    const before = await userRow(userId);
    const result = await signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email: email.toUpperCase(), displayName: "Twin", password: NEW_PASSWORD }), siteUrl: BASE_URL }, fromClient());
    expect(result.outcome).toBe("exists");
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await userRow(userId)).toEqual(before);
    const { message, token } = await confirmationMailedTo(email);
    expect(message.subject).toBe("You already have a Marginalia account");
    expect(token).toBeUndefined();
  });

  it("signing up again before confirming replaces the unconfirmed details and the link (nobody has proved the address)", async () => {
    const email = `again-${Date.now()}@example.org`;
    await signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "Squatter", password: PASSWORD }), siteUrl: BASE_URL }, fromClient());
    const first = (await confirmationMailedTo(email)).token!;
    await signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "Owner", password: NEW_PASSWORD }), siteUrl: BASE_URL }, fromClient());
    const second = (await confirmationMailedTo(email)).token!;
    expect(await appErrorOf(confirmSignUp(db.prisma, ANONYMOUS, { token: first }, { clock }))).toMatchObject({ code: "not_found" });
    await confirmSignUp(db.prisma, ANONYMOUS, { token: second }, { clock });
    expect(await verifyCredentials(db.prisma, email, NEW_PASSWORD)).toMatchObject({ displayName: "Owner" });
    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toBeNull();
  });

  it("two sign-ups with the same email at once: one account, both answered alike (no database error)", async () => {
    const email = `double-submit-${Date.now()}@example.org`;
    const outcomes = await Promise.allSettled([
      signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "First Click", password: PASSWORD }), siteUrl: BASE_URL }, fromClient()),
      signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "Second Click", password: PASSWORD }), siteUrl: BASE_URL }, fromClient()),
    ]);
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    // A raw PrismaClientKnownRequestError (P2002) here became a 500 at POST /api/account/sign-up.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled"]);
  });

  it("does the same statements for a new and a registered address (no timing tells them apart beyond the row written)", async () => {
    const { email } = await account();
    const statements = (address: string) =>
      statementsOf((client) => signUp(client, ANONYMOUS, { ...ZSignUp.parse({ email: address, displayName: "Timing", password: NEW_PASSWORD }), siteUrl: BASE_URL }, fromClient()));
    const registered = await statements(email);
    const fresh = await statements(`fresh-${Date.now()}@example.org`);
    // Both: one lookup, then one transaction that queues one mail; the new one also writes its account and link.
    expect(registered).toEqual(["User.findUnique", "QueuedMail.createMany"]);
    expect(fresh).toEqual(["User.findUnique", "User.create", "SignUpConfirmation.upsert", "QueuedMail.createMany"]);
  });

  it("refuses a common password: in the schema (fields.password) and in signUp itself (AppError)", async () => {
    const email = `common-${Date.now()}@example.org`;
    const parsed = ZSignUp.safeParse({ email, displayName: "Common", password: COMMON_PASSWORD });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["password"], message: COMMON_PASSWORD_MESSAGE })]);

    const error = await appErrorOf(signUp(db.prisma, ANONYMOUS, { email, displayName: "Common", password: COMMON_PASSWORD, siteUrl: BASE_URL }, fromClient()));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields?.password).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a password equal to the email's local part", async () => {
    const email = `a.rather.long.local.part.${Date.now()}@example.org`;
    const localPart = email.slice(0, email.indexOf("@"));
    const error = await appErrorOf(signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "Local", password: localPart }), siteUrl: BASE_URL }, fromClient()));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields?.password).toHaveLength(1);
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("verifyCredentials", () => {
  it("answers the user for the right password (email in any case), null for a wrong one or an unknown email", async () => {
    const { userId, email } = await account("Verified Reader");

    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toEqual({ id: userId, displayName: "Verified Reader" });
    expect(await verifyCredentials(db.prisma, `  ${email.toUpperCase()} `, PASSWORD)).toEqual({ id: userId, displayName: "Verified Reader" });
    expect(await verifyCredentials(db.prisma, email, `${PASSWORD}!`)).toBeNull();
    expect(await verifyCredentials(db.prisma, email, "")).toBeNull();
    expect(await verifyCredentials(db.prisma, `nobody-${Date.now()}@example.org`, PASSWORD)).toBeNull();
  });

  it("answers null for a suspended account, even with the right password", async () => {
    const { userId, email } = await account();
    const admin = (await signIn(db.prisma, (await seedUser(db.prisma, { siteRole: "admin" })).id, clock)).actor;

    await setSuspended(db.prisma, admin, { userId, suspended: true, reason: "suspicious sign-ins" }, { clock });

    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toBeNull();
  });
});

describe("changePassword", () => {
  it("requires the current password; a wrong one changes nothing", async () => {
    const { userId } = await account();
    const current = await signIn(db.prisma, userId, clock, "laptop");
    const other = await signIn(db.prisma, userId, clock, "phone");
    const hashBefore = (await userRow(userId)).passwordHash;

    const error = await appErrorOf(changePassword(db.prisma, current.actor, { currentPassword: "not my password", newPassword: NEW_PASSWORD }, { clock }));

    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.details.fields ?? {})).toEqual(["currentPassword"]);
    expect((await userRow(userId)).passwordHash).toBe(hashBefore);
    expect(await actorForSession(db.prisma, other.sessionId, clock)).toMatchObject({ kind: "user", id: userId });
  });

  it("refuses a common new password on the newPassword field", async () => {
    const { userId } = await account();
    const { actor } = await signIn(db.prisma, userId, clock);
    const error = await appErrorOf(changePassword(db.prisma, actor, { currentPassword: PASSWORD, newPassword: COMMON_PASSWORD }, { clock }));
    expect(error.code).toBe("bad_request");
    expect(error.details.fields?.newPassword).toEqual([COMMON_PASSWORD_MESSAGE]);
  });

  it("sets the new password, ends the other sessions and keeps the current one", async () => {
    const { userId, email } = await account();
    const current = await signIn(db.prisma, userId, clock, "laptop");
    const other = await signIn(db.prisma, userId, clock, "phone");

    await changePassword(db.prisma, current.actor, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { clock });

    expect(await verifyCredentials(db.prisma, email, NEW_PASSWORD)).toMatchObject({ id: userId });
    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toBeNull();
    expect(await actorForSession(db.prisma, current.sessionId, clock)).toMatchObject({ kind: "user", id: userId, sessionId: current.sessionId });
    expect(await actorForSession(db.prisma, other.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect((await db.prisma.session.findUniqueOrThrow({ where: { id: other.sessionId } })).revokedReason).toBe("password changed");
  });
});

describe("password reset", () => {
  it("for an unknown email creates no token and mails the address that no account uses it (no link)", async () => {
    const tokensBefore = await db.prisma.passwordResetToken.count();
    const stranger = `stranger-${Date.now()}@example.org`;

    await requestPasswordReset(db.prisma, ANONYMOUS, { email: stranger, siteUrl: BASE_URL }, fromClient());
    await deliverDueMail(db.prisma);

    expect(await db.prisma.passwordResetToken.count()).toBe(tokensBefore);
    const messages = await db.prisma.outboxMessage.findMany({ where: { to: stranger } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain("no active account uses it");
    expect(messages[0]!.text).not.toMatch(/reset-password\//);
  });

  it("runs the same statements for a known and an unknown address (no timing tells them apart)", async () => {
    const { email } = await account();
    const statements = async (address: string) =>
      (await statementsOf((client) => requestPasswordReset(client, ANONYMOUS, { email: address, siteUrl: BASE_URL }, fromClient()))).filter((name) => name !== "PasswordResetToken.create");
    expect(await statements(`unknown-${Date.now()}@example.org`)).toEqual(await statements(email));
  });

  it("for a known email writes one outbox message holding the link; only the token's hash is stored", async () => {
    const { userId, email } = await account();

    await requestPasswordReset(db.prisma, ANONYMOUS, { email: `  ${email.toUpperCase()}`, siteUrl: BASE_URL }, fromClient());

    const token = await resetTokenMailedTo(email);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [message] = await db.prisma.outboxMessage.findMany({ where: { to: email, subject: "Reset your Marginalia password" } });
    expect(message.subject).toBe("Reset your Marginalia password");
    expect(message.text).toContain(`${BASE_URL}reset-password/${token}`);
    const rows = await db.prisma.passwordResetToken.findMany({ where: { userId } });
    expect(rows).toEqual([
      expect.objectContaining({ tokenHash: sha256(token), usedAt: null, expiresAt: new Date(clock.now().getTime() + HOUR_MS) }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("the link works once, sets the password and ends every session; the second use is not_found", async () => {
    const { userId, email } = await account();
    const laptop = await signIn(db.prisma, userId, clock, "laptop");
    const phone = await signIn(db.prisma, userId, clock, "phone");
    await requestPasswordReset(db.prisma, ANONYMOUS, { email, siteUrl: BASE_URL }, fromClient());
    const token = await resetTokenMailedTo(email);
    clock.advance(10 * 60 * 1000);

    await completePasswordReset(db.prisma, ANONYMOUS, { token, newPassword: NEW_PASSWORD }, { clock });

    expect(await verifyCredentials(db.prisma, email, NEW_PASSWORD)).toMatchObject({ id: userId });
    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toBeNull();
    expect(await actorForSession(db.prisma, laptop.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, phone.sessionId, clock)).toEqual({ kind: "anonymous" });
    const sessions = await db.prisma.session.findMany({ where: { userId } });
    expect(sessions.map((s) => s.revokedReason)).toEqual(["password reset", "password reset"]);
    expect((await db.prisma.passwordResetToken.findFirstOrThrow({ where: { userId } })).usedAt).toEqual(clock.now());

    const second = await appErrorOf(completePasswordReset(db.prisma, ANONYMOUS, { token, newPassword: "yet another long passphrase" }, { clock }));
    expect(second.code).toBe("not_found");
    expect(await verifyCredentials(db.prisma, email, NEW_PASSWORD)).toMatchObject({ id: userId });
  });

  it("two requests racing with the same link: exactly one succeeds", async () => {
    const { userId, email } = await account();
    await requestPasswordReset(db.prisma, ANONYMOUS, { email, siteUrl: BASE_URL }, fromClient());
    const token = await resetTokenMailedTo(email);

    const outcomes = await Promise.allSettled([
      completePasswordReset(db.prisma, ANONYMOUS, { token, newPassword: NEW_PASSWORD }, { clock }),
      completePasswordReset(db.prisma, ANONYMOUS, { token, newPassword: "the other racing passphrase" }, { clock }),
    ]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [rejected] = outcomes.filter((o) => o.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "not_found" });
    expect(await db.prisma.passwordResetToken.count({ where: { userId, usedAt: { not: null } } })).toBe(1);
  });

  it("the link expires after one hour (works one millisecond before)", async () => {
    const late = await account();
    await requestPasswordReset(db.prisma, ANONYMOUS, { email: late.email, siteUrl: BASE_URL }, fromClient());
    const lateToken = await resetTokenMailedTo(late.email);
    const early = await account();
    await requestPasswordReset(db.prisma, ANONYMOUS, { email: early.email, siteUrl: BASE_URL }, fromClient());
    const earlyToken = await resetTokenMailedTo(early.email);
    const requestedAt = clock.now();

    clock.set(new Date(requestedAt.getTime() + HOUR_MS - 1));
    await completePasswordReset(db.prisma, ANONYMOUS, { token: earlyToken, newPassword: NEW_PASSWORD }, { clock });
    expect(await verifyCredentials(db.prisma, early.email, NEW_PASSWORD)).toMatchObject({ id: early.userId });

    clock.set(new Date(requestedAt.getTime() + HOUR_MS));
    expect((await appErrorOf(completePasswordReset(db.prisma, ANONYMOUS, { token: lateToken, newPassword: NEW_PASSWORD }, { clock }))).code).toBe("not_found");
    expect(await verifyCredentials(db.prisma, late.email, PASSWORD)).toMatchObject({ id: late.userId });
    expect((await db.prisma.passwordResetToken.findFirstOrThrow({ where: { userId: late.userId } })).usedAt).toBeNull();
  });

  it("an invented token is not_found", async () => {
    const error = await appErrorOf(completePasswordReset(db.prisma, ANONYMOUS, { token: "x".repeat(43), newPassword: NEW_PASSWORD }, { clock }));
    expect(error.code).toBe("not_found");
  });
});

describe("deleteAccount", () => {
  it("keep-as-deleted-user blanks email, password and name, ends every session, and frees the email", async () => {
    const { userId, email } = await account("Soon Gone");
    await db.prisma.user.update({ where: { id: userId }, data: { affiliation: "Somewhere University", bio: "Reads letters", orcid: "0000-0002-1825-0097" } });
    const current = await signIn(db.prisma, userId, clock, "laptop");
    const other = await signIn(db.prisma, userId, clock, "phone");
    await requestPasswordReset(db.prisma, ANONYMOUS, { email, siteUrl: BASE_URL }, fromClient());

    await deleteAccount(db.prisma, current.actor, { notes: "keep-as-deleted-user" }, { clock });

    expect(await userRow(userId)).toMatchObject({
      email: null,
      passwordHash: null,
      displayName: "deleted user",
      affiliation: null,
      bio: null,
      orcid: null,
      deletedAt: clock.now(),
      notesOnDeletion: "keep-as-deleted-user",
    });
    expect(await actorForSession(db.prisma, current.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await actorForSession(db.prisma, other.sessionId, clock)).toEqual({ kind: "anonymous" });
    expect(await db.prisma.session.count({ where: { userId, revokedAt: null } })).toBe(0);
    expect(await db.prisma.passwordResetToken.count({ where: { userId } })).toBe(0);
    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toBeNull();

    const again = await signUp(db.prisma, ANONYMOUS, { ...ZSignUp.parse({ email, displayName: "Back Again", password: NEW_PASSWORD }), siteUrl: BASE_URL }, fromClient());
    expect(again.outcome).toBe("created");
    expect(again.userId).not.toBe(userId);
  });

  it("records the choice to delete the notes too, for the annotations capability to honour", async () => {
    const { userId } = await account("Gone With Notes");
    const current = await signIn(db.prisma, userId, clock, "laptop");
    await deleteAccount(db.prisma, current.actor, { notes: "delete" }, { clock });
    expect(await userRow(userId)).toMatchObject({ displayName: "deleted user", notesOnDeletion: "delete" });
  });

  it("the owner of a group gets conflict, and nothing changes", async () => {
    const { userId, email } = await account("Group Owner");
    const { sessionId, actor } = await signIn(db.prisma, userId, clock);
    await createGroup(db.prisma, actor, { kind: "research", name: "Owners keep groups" });

    expect((await appErrorOf(deleteAccount(db.prisma, actor, { notes: "keep-as-deleted-user" }, { clock }))).code).toBe("conflict");

    expect(await userRow(userId)).toMatchObject({ email, displayName: "Group Owner", deletedAt: null });
    expect(await actorForSession(db.prisma, sessionId, clock)).toMatchObject({ kind: "user", id: userId });
    expect(await verifyCredentials(db.prisma, email, PASSWORD)).toMatchObject({ id: userId });
  });
});
