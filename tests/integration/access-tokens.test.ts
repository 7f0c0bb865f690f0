import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/account-operations";
import { changePassword } from "@/lib/accounts/password-operations";
import { setSuspended } from "@/lib/admin/admin-operations";
import { actorForBearer, TOKEN_TOUCH_INTERVAL_MS } from "@/lib/tokens/token-actor";
import { createAccessToken, listAccessTokens, revokeAccessToken } from "@/lib/tokens/token-operations";
import { hashAccessToken } from "@/lib/tokens/token-format";
import { appErrorOf, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY = 86_400_000;
const clock = createControllableClock();
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function reader(options: { password?: string; siteRole?: "admin" } = {}): Promise<SignedInActor> {
  const user = await seedUser(db.prisma, options);
  return (await signIn(db.prisma, user.id, clock)).actor;
}

async function refusal(header: string) {
  const error = await appErrorOf(actorForBearer(db.prisma, header, clock));
  return { status: error.status, challenge: error.details.headers?.["WWW-Authenticate"] ?? null, message: error.message };
}

describe("personal access tokens", () => {
  it("creation shows the token once, stores only its SHA-256, and audits it; the list never holds the token", async () => {
    const owner = await reader();
    const created = await createAccessToken(db.prisma, owner, { name: "Zotero script" }, { clock });
    expect(created).toMatchObject({ name: "Zotero script", scope: "read", expiresAt: null });
    expect(created.token).toMatch(/^mgl_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.accessToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashAccessToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await listAccessTokens(db.prisma, owner);
    expect(list.tokens).toEqual([expect.objectContaining({ id: created.id, hint: created.token.slice(0, 14), lastUsedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const audit = await db.prisma.auditRecord.findFirstOrThrow({ where: { subjectId: owner.id, action: "access_token.create" } });
    expect(audit.after).toBe(`${created.id} read`);
  });

  it("bad input is refused with field messages", async () => {
    const owner = await reader();
    // A ZodError here; the route's wrapper answers it as 400 with these fields.
    await expect(createAccessToken(db.prisma, owner, { name: " ", expiresInDays: 0, scope: "admin" as never }, { clock })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["name"] }),
        expect.objectContaining({ path: ["expiresInDays"] }),
        expect.objectContaining({ path: ["scope"] }),
      ]),
    });
  });

  it("a token acts as its user with its scope, and writes last used at most once a minute", async () => {
    const owner = await reader();
    const { token, id } = await createAccessToken(db.prisma, owner, { name: "writer", scope: "write" }, { clock });
    const actor = await actorForBearer(db.prisma, `Bearer ${token}`, clock);
    expect(actor).toMatchObject({ kind: "user", id: owner.id, sessionId: null, token: { id, scope: "write" } });
    const first = (await db.prisma.accessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first?.toISOString()).toBe(clock.now().toISOString());
    clock.advance(TOKEN_TOUCH_INTERVAL_MS - 1000);
    await actorForBearer(db.prisma, `bearer  ${token}`, clock);
    expect((await db.prisma.accessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    clock.advance(2000);
    await actorForBearer(db.prisma, `Bearer ${token}`, clock);
    expect((await db.prisma.accessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(clock.now());
  });

  it("malformed headers, unknown, revoked and expired tokens are 401 with a Bearer challenge", async () => {
    const owner = await reader();
    const { token, id } = await createAccessToken(db.prisma, owner, { name: "short-lived", expiresInDays: 1 }, { clock });
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", `Token ${token}`, "Bearer mgl_pat_short", `Bearer ${token.slice(0, -1)}x`]) {
      const answer = await refusal(header);
      expect(answer.status, header).toBe(401);
      expect(answer.challenge, header).toMatch(/^Bearer realm="marginalia", error="invalid_token"/);
    }
    clock.advance(DAY + 1);
    expect((await refusal(`Bearer ${token}`)).message).toMatch(/expired/);
    const other = await createAccessToken(db.prisma, owner, { name: "to revoke" }, { clock });
    await revokeAccessToken(db.prisma, owner, { tokenId: other.id }, { clock });
    expect((await refusal(`Bearer ${other.token}`)).message).toMatch(/revoked/);
    expect((await listAccessTokens(db.prisma, owner)).tokens.map((t) => t.id)).toEqual([id]);
  });

  it("a token can only be revoked by its owner (others get 404), and only once", async () => {
    const owner = await reader();
    const stranger = await reader();
    const { id } = await createAccessToken(db.prisma, owner, { name: "mine" }, { clock });
    expect((await appErrorOf(revokeAccessToken(db.prisma, stranger, { tokenId: id }, { clock }))).code).toBe("not_found");
    await revokeAccessToken(db.prisma, owner, { tokenId: id }, { clock });
    expect((await appErrorOf(revokeAccessToken(db.prisma, owner, { tokenId: id }, { clock }))).code).toBe("not_found");
  });

  it("a suspended user's tokens stop working; restored, they work again", async () => {
    const owner = await reader();
    const admin = await reader({ siteRole: "admin" });
    const { token } = await createAccessToken(db.prisma, owner, { name: "script" }, { clock });
    await setSuspended(db.prisma, admin, { userId: owner.id, suspended: true, reason: "spam" }, { clock });
    expect((await refusal(`Bearer ${token}`)).message).toMatch(/suspended/);
    await setSuspended(db.prisma, admin, { userId: owner.id, suspended: false, reason: "appeal" }, { clock });
    expect((await actorForBearer(db.prisma, `Bearer ${token}`, clock)).kind).toBe("user");
  });

  it("changing the password keeps tokens; deleting the account revokes them all", async () => {
    const owner = await reader({ password: "an old and long passphrase 1928" });
    const one = await createAccessToken(db.prisma, owner, { name: "one" }, { clock });
    const two = await createAccessToken(db.prisma, owner, { name: "two", scope: "write" }, { clock });
    await changePassword(db.prisma, owner, { currentPassword: "an old and long passphrase 1928", newPassword: "a brand new passphrase for 1929" }, { clock });
    expect((await actorForBearer(db.prisma, `Bearer ${one.token}`, clock)).kind).toBe("user");
    await deleteAccount(db.prisma, owner, { notes: "keep-as-deleted-user" }, { clock });
    for (const { token } of [one, two]) expect((await refusal(`Bearer ${token}`)).status).toBe(401);
    expect(await db.prisma.accessToken.count({ where: { userId: owner.id, revokedAt: null } })).toBe(0);
  });
});
