import nodemailer from "nodemailer";
import type { PrismaClient } from "../db/create-prisma-client";
import { serverEnv } from "../env";
import { log } from "../log";

export type Mail = { to: string; subject: string; text: string };

let smtp: { url: string; transport: nodemailer.Transporter } | undefined;
/** One SMTP transport per process and URL (nodemailer pools nothing unless asked; this keeps its setup to once). */
function smtpTransport(url: string): nodemailer.Transporter {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Whether mail is kept for the development outbox page instead of being sent: without SMTP, on a demo or development
 * instance that listens on this machine only. The outbox shows reset links to anyone who opens it, so a server
 * reachable from elsewhere (HOST=0.0.0.0, as in the container) never has one.
 */
export function outboxEnabled(): boolean {
  const env = serverEnv();
  return !env.SMTP_URL && (env.DEMO_DATA || env.NODE_ENV !== "production") && LOOPBACK_HOSTS.has(env.HOST);
}

/**
 * Hands one message over: to SMTP_URL when set; otherwise to /dev/outbox (demo and development only). Called by the
 * mail worker only; everything else queues mail (lib/mail/mail-queue.ts) in the transaction that causes it.
 */
export async function transportMail(prisma: PrismaClient, mail: Mail): Promise<void> {
  const env = serverEnv();
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    log.info("mail.sent", { subject: mail.subject });
    return;
  }
  if (outboxEnabled()) {
    await prisma.outboxMessage.create({ data: mail });
    log.info("mail.outbox", { subject: mail.subject });
    return;
  }
  log.warn("mail.not_sent", { reason: "SMTP_URL is not set", subject: mail.subject });
}
