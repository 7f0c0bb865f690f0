import type { PrismaClient } from "../db/create-prisma-client";
import { log } from "../log";
import { claimDueMail, markMailFailed, markMailSent } from "./mail-queue";
import { transportMail, type Mail } from "./mail-transport";

export type MailWorker = { nudge: () => void; stop: () => Promise<void> };
type Transport = (prisma: PrismaClient, mail: Mail) => Promise<void>;

const BATCH = 10;
const LEASE_MS = 60_000;

function failureCode(error: unknown): string {
  const detail = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  return String(detail.responseCode ?? detail.code ?? detail.name ?? "unknown").slice(0, 100);
}

/**
 * Sends every message that is due, batch by batch, until none is left (or `shouldStop` says so between two
 * messages). Returns how many were sent. The worker's loop calls it; tests and scripts call it to flush the queue.
 */
export async function deliverDueMail(prisma: PrismaClient, { transport = transportMail, shouldStop = () => false }: { transport?: Transport; shouldStop?: () => boolean } = {}): Promise<number> {
  let sent = 0;
  while (!shouldStop()) {
    const batch = await claimDueMail(prisma, BATCH, LEASE_MS);
    if (!batch.length) break;
    for (const [index, mail] of batch.entries()) {
      if (shouldStop()) {
        // Not sent: released for the next worker (or this one after a restart), without counting the attempt.
        await prisma.queuedMail.updateMany({ where: { id: { in: batch.slice(index).map((rest) => rest.id) } }, data: { claimedUntil: null, attempts: { decrement: 1 } } });
        return sent;
      }
      try {
        await transport(prisma, { to: mail.to, subject: mail.subject, text: mail.text });
        await markMailSent(prisma, mail.id);
        sent += 1;
      } catch (error) {
        const outcome = await markMailFailed(prisma, mail, failureCode(error));
        log.warn("mail.failed", { kind: mail.kind, attempt: mail.attempts, outcome, code: failureCode(error) });
      }
    }
  }
  return sent;
}

/**
 * The mail worker of one app process: every `pollMs` (or at once when nudged by queueMail in this process) it sends
 * what is due. Several processes may run it on one database. stop() waits for the message being sent, then ends.
 */
export function startMailWorker(prisma: PrismaClient, { pollMs = 2_000, transport }: { pollMs?: number; transport?: Transport } = {}): MailWorker {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = deliverDueMail(prisma, { transport, shouldStop: () => stopping })
      .then(() => undefined)
      .catch((error: unknown) => log.warn("mail.worker_error", { code: failureCode(error) }))
      .finally(() => {
        running = null;
        if (stopping) return;
        if (again) {
          again = false;
          run();
        } else {
          timer = setTimeout(run, pollMs);
          timer.unref();
        }
      });
  };
  timer = setTimeout(run, 0);
  timer.unref();
  return {
    nudge: run,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
