import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient, MAINTENANCE_TIMEOUTS } from "@/lib/db/create-prisma-client";
import { claimDueMail, MAX_MAIL_ATTEMPTS, queueMail } from "@/lib/mail/mail-queue";
import type { Mail } from "@/lib/mail/mail-transport";
import { deliverDueMail, startMailWorker } from "@/lib/mail/mail-worker";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Issue #13: mail survives restarts and runs on several app servers. The queue is a table; workers claim due rows
// with FOR UPDATE SKIP LOCKED and a lease, so two workers on one table send each message once.
let db: TestDatabase;
let second: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  second = createPrismaClient({ connectionString: db.url, poolMax: 3, ...MAINTENANCE_TIMEOUTS });
});
afterAll(async () => {
  await second?.$disconnect();
  await db?.drop();
});

const mails = (prefix: string, count: number): Mail[] =>
  Array.from({ length: count }, (_, index) => ({ to: `${prefix}-${index}@example.org`, subject: `Test ${index}`, text: `Body ${index}` }));

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the mail queue", () => {
  it("two workers on one table (two connections pools, as two app servers) send each of 60 messages exactly once", async () => {
    await db.prisma.$transaction((tx) => queueMail(tx, mails("pair", 60), "test"));
    const sent: { worker: string; to: string }[] = [];
    // A transport that takes a few milliseconds, as SMTP does, so the two workers overlap.
    const recording = (worker: string) => async (_prisma: unknown, mail: Mail) => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      sent.push({ worker, to: mail.to });
    };
    const one = startMailWorker(db.prisma, { pollMs: 10, transport: recording("one") });
    const two = startMailWorker(second, { pollMs: 10, transport: recording("two") });
    try {
      await waitUntil(async () => (await db.prisma.queuedMail.count({ where: { to: { startsWith: "pair-" }, sentAt: null } })) === 0);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    const addresses = sent.filter((item) => item.to.startsWith("pair-")).map((item) => item.to);
    expect(addresses).toHaveLength(60);
    expect(new Set(addresses).size).toBe(60);
    // Both did some of the work.
    expect(new Set(sent.map((item) => item.worker)).size).toBe(2);
  });

  it("queued in a transaction that rolls back, nothing is sent", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await queueMail(tx, mails("rolled-back", 2), "test");
        throw new Error("the action failed after queuing its mail");
      }),
    ).rejects.toThrow("the action failed");
    expect(await db.prisma.queuedMail.count({ where: { to: { startsWith: "rolled-back-" } } })).toBe(0);
  });

  it("a failed attempt is retried later with backoff, and given up after the last attempt", async () => {
    await queueMail(db.prisma, mails("flaky", 1), "test");
    const failing = async () => {
      throw Object.assign(new Error("refused"), { responseCode: 421 });
    };
    expect(await deliverDueMail(db.prisma, { transport: failing })).toBe(0);
    const row = await db.prisma.queuedMail.findFirstOrThrow({ where: { to: "flaky-0@example.org" } });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, lastError: "421", claimedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Make it due again for each remaining attempt: the last one gives up.
    for (let attempt = 2; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
      await db.prisma.queuedMail.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      await deliverDueMail(db.prisma, { transport: failing });
    }
    expect(await db.prisma.queuedMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, failedAt: expect.any(Date) });
  });

  it("a message claimed by a worker that died is taken again once its lease has passed (at least once)", async () => {
    await queueMail(db.prisma, mails("orphan", 1), "test");
    const [claimed] = await claimDueMail(db.prisma, 10, 200);
    expect(claimed?.to).toBe("orphan-0@example.org");
    // Within the lease no other worker takes it.
    expect((await claimDueMail(second, 10, 200)).map((mail) => mail.to)).not.toContain("orphan-0@example.org");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent: string[] = [];
    await deliverDueMail(second, { transport: async (_prisma, mail) => void sent.push(mail.to) });
    expect(sent).toContain("orphan-0@example.org");
  });

  it("stop() lets the message being sent finish and leaves the rest queued for the next worker", async () => {
    await queueMail(db.prisma, mails("stopping", 5), "test");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const worker = startMailWorker(db.prisma, {
      pollMs: 10,
      transport: async (_prisma, mail) => {
        if (mail.to.startsWith("stopping-")) await gate;
        sent.push(mail.to);
      },
    });
    await waitUntil(async () => (await db.prisma.queuedMail.count({ where: { to: { startsWith: "stopping-" }, claimedUntil: { not: null } } })) > 0);
    const stopped = worker.stop();
    release();
    await stopped;
    const stoppingSent = sent.filter((to) => to.startsWith("stopping-"));
    expect(stoppingSent).toHaveLength(1);
    const rest = await db.prisma.queuedMail.findMany({ where: { to: { startsWith: "stopping-" }, sentAt: null } });
    expect(rest).toHaveLength(4);
    // Released: due at once, unclaimed, the attempt not counted.
    for (const row of rest) expect(row).toMatchObject({ claimedUntil: null, attempts: 0 });
  });
});
