import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { log } from "../log";
import { sendMail, type Mail } from "../mail/send-mail";

type Client = Prisma.TransactionClient | PrismaClient;

/** How long to wait for the notifying transaction to finish: longer than any transaction the app runs. */
const GIVE_UP_AFTER_MS = 120_000;
const MAX_POLL_MS = 1_000;

let baseClientOverride: PrismaClient | undefined;
const inFlight = new Set<Promise<void>>();

/** The client that watches for the commit and sends; the app's own unless a test or script points it elsewhere. */
export function setNotificationMailClient(client: PrismaClient | undefined): void {
  baseClientOverride = client;
}

/** Resolves once every notification mail started so far was sent or given up on (tests, graceful shutdown). */
export async function settleNotificationMail(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

async function baseClient(): Promise<PrismaClient> {
  if (baseClientOverride) return baseClientOverride;
  const { prisma } = await import("../db/prisma");
  return prisma();
}

/**
 * Sends the mails once the caller's transaction has committed, and never if it rolls back: a mail must not announce
 * a reply that was never saved, and SMTP must not hold a transaction open. PostgreSQL tells any connection whether a
 * transaction id committed (pg_xact_status), so callers need not do anything after their transaction; a short poll
 * on another connection waits for the outcome. Outside a transaction (a plain client) the id is that of the query
 * itself, which commits at once. (Prisma's transaction client cannot be told from the plain one by its methods: it
 * answers "$transaction" too.) Failures are logged (never the addresses) and never reach the user's action.
 */
export async function mailAfterCommit(client: Client, mails: Mail[], kind: string): Promise<void> {
  if (!mails.length) return;
  const [{ xid }] = await client.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
  const delivery = deliver(xid, mails, kind).catch((error: unknown) => {
    log.error("notification.mail_failed", { kind, reason: error instanceof Error ? error.name : "unknown" });
  });
  inFlight.add(delivery);
  void delivery.finally(() => inFlight.delete(delivery));
}

async function deliver(xid: string, mails: Mail[], kind: string): Promise<void> {
  const client = await baseClient();
  if ((await outcome(client, xid, kind)) !== "committed") return;
  let failed = 0;
  for (const mail of mails) {
    try {
      await sendMail(client, mail);
    } catch (error) {
      failed += 1;
      const detail = error as { code?: unknown; responseCode?: unknown };
      log.warn("notification.mail_failed", { kind, code: String(detail.code ?? "unknown"), responseCode: detail.responseCode ?? null });
    }
  }
  if (failed) log.warn("notification.mail_summary", { kind, sent: mails.length - failed, failed });
}

async function outcome(client: PrismaClient, xid: string, kind: string): Promise<"committed" | "aborted" | "unknown"> {
  const started = Date.now();
  for (let wait = 20; Date.now() - started < GIVE_UP_AFTER_MS; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    const [row] = await client.$queryRaw<{ status: string | null }[]>`SELECT pg_xact_status(${xid}::xid8) AS status`;
    if (row?.status === "committed") return "committed";
    if (row?.status !== "in progress") return row?.status === "aborted" ? "aborted" : "unknown";
  }
  log.warn("notification.mail_gave_up", { kind, reason: "the notifying transaction did not finish in time" });
  return "unknown";
}
