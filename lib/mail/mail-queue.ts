import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { Mail } from "./mail-transport";

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * Queues mail in the caller's transaction: it is sent (by the mail worker) only if that transaction commits, and it
 * survives a restart in between. The worker is nudged so a message usually leaves within a moment.
 */
export async function queueMail(client: Client, mails: Mail[], kind: string): Promise<void> {
  if (!mails.length) return;
  await client.queuedMail.createMany({ data: mails.map((mail) => ({ ...mail, kind })) });
  (globalThis as { marginaliaMailWorker?: { nudge: () => void } }).marginaliaMailWorker?.nudge();
}

export type ClaimedMail = Mail & { id: string; kind: string; attempts: number };

/**
 * Takes up to `batch` due messages for this worker: rows locked by another worker's claim are skipped (SKIP LOCKED),
 * and each taken row is leased until `leaseMs` from now, so a worker that dies mid-send leaves it to another after
 * the lease. Delivery is therefore at least once: a crash after the SMTP server accepted a message but before it was
 * marked sent sends it again.
 */
export async function claimDueMail(prisma: PrismaClient, batch: number, leaseMs: number): Promise<ClaimedMail[]> {
  return prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "QueuedMail" SET "claimedUntil" = now() + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "QueuedMail"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now()
        AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, text, kind, attempts`;
}

export async function markMailSent(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.queuedMail.update({ where: { id }, data: { sentAt: new Date(), claimedUntil: null, lastError: null } });
}

export const MAX_MAIL_ATTEMPTS = 8;

/** Seconds before attempt n + 1: 30 s, 1 min, 2 min … capped at an hour, with jitter so servers do not align. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A failed attempt: tried again later, or given up after MAX_MAIL_ATTEMPTS. `reason` is a code, never the address. */
export async function markMailFailed(prisma: PrismaClient, mail: ClaimedMail, reason: string): Promise<"retry" | "given-up"> {
  const givenUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
  await prisma.queuedMail.update({
    where: { id: mail.id },
    data: givenUp
      ? { failedAt: new Date(), claimedUntil: null, lastError: reason }
      : { nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)), claimedUntil: null, lastError: reason },
  });
  return givenUp ? "given-up" : "retry";
}
