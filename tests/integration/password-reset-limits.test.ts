import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completePasswordReset, requestPasswordReset } from "@/lib/accounts/password-operations";
import { ANONYMOUS } from "@/lib/authz/actor";
import { PEER_ADDRESS_HEADER } from "@/lib/http/request-client-address";
import { appErrorCode, freshClientAddress, seedUser } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { deliverDueMail } from "@/lib/mail/mail-worker";

// Issue #13, finding 3: 25 reset requests for one address queued 25 mails and left 25 tokens live. Now the route
// counts requests per address and per client (through the app's limiters, in PostgreSQL), and an account keeps one
// live link at a time.
const ORIGIN = "http://localhost:3000";
let db: TestDatabase;
let POST: (request: Request, context: never) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, NEXTAUTH_URL: ORIGIN });
  ({ POST } = await import("@/app/api/account/password-reset/route"));
});
afterAll(async () => {
  const holder = globalThis as { marginaliaPrisma?: { $disconnect: () => Promise<void> } };
  await holder.marginaliaPrisma?.$disconnect();
  await db?.drop();
});

const ask = (email: string, client = "203.0.113.7") =>
  POST(
    new Request(`${ORIGIN}/api/account/password-reset`, {
      method: "POST",
      // The socket's address, as scripts/serve.ts passes it to the app (a client cannot set it).
      headers: { "content-type": "application/json", origin: ORIGIN, [PEER_ADDRESS_HEADER]: client },
      body: JSON.stringify({ email }),
    }),
    undefined as never,
  );

describe("password-reset requests", () => {
  it("25 requests for one address: 3 answered 202, the rest 429 with Retry-After; one link left live", async () => {
    const user = await seedUser(db.prisma, { password: "an old passphrase of 1928" });
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    for (let n = 0; n < 25; n += 1) {
      // Each from its own client, so that only the per-address limit speaks.
      const response = await ask(user.email!, `203.0.113.${n + 10}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter.push(response.headers.get("Retry-After"));
    }
    expect(statuses.filter((status) => status === 202)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(22);
    for (const value of retryAfter) expect(Number(value)).toBeGreaterThan(0);
    expect(await db.prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    await deliverDueMail(db.prisma);
    expect(await db.prisma.outboxMessage.count({ where: { to: user.email! } })).toBe(3);
  });

  it("an address nobody uses is limited alike, so the limit says nothing about who is registered", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 5; n += 1) statuses.push((await ask(`nobody-${db.url.length}@example.org`, "203.0.113.8")).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  it("one client asking for many addresses is limited too (20 per hour)", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 22; n += 1) statuses.push((await ask(`someone-${n}@example.org`, "198.51.100.9")).status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("a new link ends the one sent before", async () => {
    const clock = createControllableClock(new Date());
    const user = await seedUser(db.prisma, { password: "another old passphrase 1928" });
    const links: string[] = [];
    for (let n = 0; n < 2; n += 1) {
      await requestPasswordReset(db.prisma, ANONYMOUS, { email: user.email!, siteUrl: ORIGIN }, { clock, clientAddress: freshClientAddress() });
      await deliverDueMail(db.prisma);
      const mail = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: user.email! }, orderBy: { createdAt: "desc" } });
      links.push(/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]);
      clock.advance(1000);
    }
    expect(await appErrorCode(completePasswordReset(db.prisma, ANONYMOUS, { token: links[0], newPassword: "a brand new passphrase 1928" }, { clock }))).toBe("not_found");
    await completePasswordReset(db.prisma, ANONYMOUS, { token: links[1], newPassword: "a brand new passphrase 1928" }, { clock });
  });
});
