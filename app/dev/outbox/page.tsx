import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatUtc } from "@/components/account/format-utc";
import { currentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/authz/can";
import { prisma } from "@/lib/db/prisma";
import { appOrigin } from "@/lib/http/api-route";
import { listOutbox } from "@/lib/mail/outbox-queries";
import { outboxEnabled } from "@/lib/mail/mail-transport";
import { LinkedText } from "./linked-text";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false, follow: false } };

/** The origin mail links were written with: the configured one, else this request's (as the reset route does). */
async function ownOrigin(): Promise<string> {
  const configured = appOrigin();
  if (configured) return configured;
  const requestHeaders = await headers();
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${protocol}://${requestHeaders.get("host") ?? "localhost"}`;
}

export default async function OutboxPage() {
  await connection();
  // Reset links are in here: a signed-in admin of an instance that has an outbox, or nobody (404 to everyone else).
  if (!outboxEnabled() || !can(await currentActor(), "outbox:read", { type: "site" })) notFound();
  const [messages, origin] = await Promise.all([listOutbox(prisma()), ownOrigin()]);
  return (
    <main id="main" className="page">
      <h1>Development outbox</h1>
      <p>
        This page exists only on demo and development instances without <code>SMTP_URL</code>, for their admins: mail that would
        have been sent is kept here instead. It shows the 20 newest messages, newest first.
      </p>
      {messages.length ? (
        messages.map((message) => (
          <article key={message.id} className="panel" aria-labelledby={`message-${message.id}`}>
            <h2 id={`message-${message.id}`}>{message.subject}</h2>
            <p className="muted">
              To {message.to}, {formatUtc(message.createdAt)}
            </p>
            <pre className="outbox-text">
              <LinkedText text={message.text} origin={origin} />
            </pre>
          </article>
        ))
      ) : (
        <p className="muted">No messages yet.</p>
      )}
    </main>
  );
}
