import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, deleteNote, updateNote } from "@/lib/annotations/note-operations";
import { ZCreateReply, ZEditNote } from "@/lib/annotations/note-schemas";
import { createReply } from "@/lib/annotations/reply-operations";
import { ANONYMOUS } from "@/lib/authz/actor";
import { serverEnv } from "@/lib/env";
import { decide } from "@/lib/moderation/decision-operations";
import { deliverDueMail } from "@/lib/mail/mail-worker";
import { markNotificationsRead, openNotification, saveNotificationPreferences } from "@/lib/notifications/notification-operations";
import { getNotificationPreferences } from "@/lib/notifications/notification-preferences";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/notification-queries";
import { ZMarkRead, ZSavePreferences } from "@/lib/notifications/notification-schemas";
import { notify } from "@/lib/notifications/notify";
import { appErrorCode, seedUser, signIn, type SignedInActor } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter, seedLetterReaders } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

/**
 * A minimal SMTP server on a real TCP port, speaking just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, QUIT) for
 * nodemailer's SMTP client to deliver to it. No SMTP server runs on this machine and none is installed, so this
 * stands in for one at the protocol level: the app's real mail path (nodemailer over SMTP_URL) is exercised.
 */
type Received = { to: string[]; data: string };
function startSmtpSink(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let current: Received = { to: [], data: "" };
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { to: [], data: "" };
            socket.write("250 2.0.0 queued\r\n");
          } else {
            current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (verb === "HELO" || verb === "MAIL" || verb === "RSET" || verb === "NOOP") socket.write("250 OK\r\n");
        else if (verb === "RCPT") {
          current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

/** The message as sent may be quoted-printable (long lines); the link is checked as a reader's mail program shows it. */
const decodeQuotedPrintable = (data: string) =>
  data.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const clock = createControllableClock();
let db: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let anna: SignedInActor;
let boris: SignedInActor;
let vera: SignedInActor;
let groupId: string;
let emails: { anna: string; boris: string; vera: string };

const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "The G.P.U. was the political police." });
const reply = (body: string, parentId?: string) => ZCreateReply.parse({ body, ...(parentId ? { parentId } : {}) });
const inbox = async (actor: SignedInActor) => (await listNotifications(db.prisma, actor, { limit: 100, unread: false })).items;
const kinds = async (actor: SignedInActor, noteId: string) => (await inbox(actor)).filter((item) => item.noteId === noteId).map((item) => item.kind);

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database (read through
  // the cached serverEnv() below, so set first).
  process.env.DATABASE_URL = db.url;
  smtp = await startSmtpSink();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.APP_URL = "https://marginalia.example";
  // notify() reads SMTP_URL through the cached serverEnv(): it must see the sink, or the mail tests test nothing.
  expect(serverEnv().SMTP_URL).toBe(process.env.SMTP_URL);
  await importLetter(db.prisma);
  // Anna owns the group "Readers", Boris is a member, Vera is not; all trusted, so their public items are published.
  const readers = await seedLetterReaders(db.prisma, clock, {
    names: { author: "Anna Petrova", member: "Boris Ivanov", outsider: "Vera Zasulich" },
    trusted: { member: true, outsider: true },
  });
  ({ author: anna, member: boris, outsider: vera, groupId } = readers as typeof readers & { author: SignedInActor; member: SignedInActor; outsider: SignedInActor });
  emails = { anna: readers.users.author.email!, boris: readers.users.member.email!, vera: readers.users.outsider.email! };
});

afterAll(async () => {
  await db?.drop();
  await new Promise((resolve) => smtp?.server.close(resolve));
});

describe("replies", () => {
  it("tell the note's author, never the replier, and a reply to a reply tells that reply's author too", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const first = await createReply(db.prisma, boris, { noteId: note.id, ...reply("I agree with this reading.") });
    expect(await kinds(anna, first.id)).toEqual(["reply"]);
    expect(await kinds(boris, first.id)).toEqual([]);
    expect((await inbox(anna)).find((item) => item.noteId === first.id)?.text).toMatch(/^Boris Ivanov replied to your note: “I agree with this reading\.”$/);

    const second = await createReply(db.prisma, vera, { noteId: note.id, ...reply("I do not.", first.id) });
    const toBoris = (await inbox(boris)).filter((item) => item.noteId === second.id);
    expect(toBoris.map((item) => item.text)).toEqual(["Vera Zasulich replied to your reply: “I do not.”"]);
    expect(await kinds(anna, second.id)).toEqual(["reply"]);

    // Answering oneself tells nobody.
    const own = await createReply(db.prisma, anna, { noteId: note.id, ...reply("A note to myself.") });
    expect(await kinds(anna, own.id)).toEqual([]);
  });

  it("lead to the reply's place in its thread", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, boris, { noteId: note.id, ...reply("See the 1927 platform.") });
    const [item] = (await inbox(anna)).filter((entry) => entry.noteId === answer.id);
    expect(item.permalink).toBe(`/letters/${SLUG}?note=${note.id}#note-${answer.id}`);
    expect(await openNotification(db.prisma, anna, { notificationId: item.id })).toBe(item.permalink);
  });

  it("from a writer whose reply waits for review tell nobody but its moderators until it is approved", async () => {
    const reviewerRow = await seedUser(db.prisma, { siteRole: "reviewer", displayName: "Rita Reviewer" });
    const reviewer = (await signIn(db.prisma, reviewerRow.id, clock)).actor;
    const newcomerRow = await seedUser(db.prisma, { displayName: "Nina Newcomer", trusted: false });
    const newcomer = (await signIn(db.prisma, newcomerRow.id, clock)).actor;
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });

    const pending = await createReply(db.prisma, newcomer, { noteId: note.id, ...reply("A first reply, @BorisIvanov.") });
    expect(pending.moderationStatus).toBe("pending");
    expect(await kinds(anna, pending.id)).toEqual([]);
    expect(await kinds(boris, pending.id)).toEqual([]);
    expect(await kinds(reviewer, pending.id)).toEqual(["queue"]);

    await decide(db.prisma, reviewer, { noteId: pending.id, action: "approve", basedOn: pending.moderationRevision }, { clock });
    expect(await kinds(anna, pending.id)).toEqual(["reply"]);
    expect(await kinds(boris, pending.id)).toEqual(["mention"]);
    expect(await kinds(newcomer, pending.id)).toEqual(["decision"]);
  });
});

describe("mentions", () => {
  it("tell whoever is named and can read a public note, however the name is written", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ body: "Compare @boris-ivanov and @VeraZasulich; not `@AnnaPetrova`." }) });
    expect(await kinds(boris, note.id)).toEqual(["mention"]);
    expect(await kinds(vera, note.id)).toEqual(["mention"]);
    expect(await kinds(anna, note.id)).toEqual([]);
    expect((await inbox(vera)).find((item) => item.noteId === note.id)?.text).toMatch(/^Anna Petrova mentioned you in a note: /);
  });

  it("never tell someone who cannot read the item: a group note tells members only, a private note nobody", async () => {
    const groupNote = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ visibility: "group", groupId, body: "For @BorisIvanov and @VeraZasulich." }) });
    expect(await kinds(boris, groupNote.id)).toEqual(["mention"]);
    expect(await kinds(vera, groupNote.id)).toEqual([]);

    const privateNote = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ visibility: "private", body: "Ask @BorisIvanov about this." }) });
    expect(await kinds(boris, privateNote.id)).toEqual([]);

    const groupReply = await createReply(db.prisma, boris, { noteId: groupNote.id, ...reply("@VeraZasulich would know.") });
    expect(await kinds(vera, groupReply.id)).toEqual([]);
  });

  it("a reply to someone who is also mentioned tells them once, as a reply", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, boris, { noteId: note.id, ...reply("@AnnaPetrova, see p. 4.") });
    expect(await kinds(anna, answer.id)).toEqual(["reply"]);
  });

  it("an edit tells only the people it newly mentions", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ body: "Thanks, @BorisIvanov." }) });
    expect(await kinds(boris, note.id)).toEqual(["mention"]);
    await updateNote(db.prisma, anna, { ...ZEditNote.parse({ body: "Thanks, @BorisIvanov and @VeraZasulich." }), noteId: note.id, version: note.version });
    expect(await kinds(boris, note.id)).toEqual(["mention"]);
    expect(await kinds(vera, note.id)).toEqual(["mention"]);
  });
});

describe("preferences", () => {
  it("turning a kind off in the app stops it, and turning it on again restores the default", async () => {
    expect(await getNotificationPreferences(db.prisma, anna)).toContainEqual({ kind: "reply", inApp: true, email: true });
    await saveNotificationPreferences(db.prisma, anna, ZSavePreferences.parse({ preferences: [{ kind: "reply", inApp: false, email: true }] }));
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const quiet = await createReply(db.prisma, boris, { noteId: note.id, ...reply("Unheard.") });
    expect(await kinds(anna, quiet.id)).toEqual([]);

    const saved = await saveNotificationPreferences(db.prisma, anna, ZSavePreferences.parse({ preferences: [{ kind: "reply", inApp: true, email: true }] }));
    expect(saved.find((row) => row.kind === "reply")).toEqual({ kind: "reply", inApp: true, email: true });
    expect(await db.prisma.notificationPreference.count({ where: { userId: anna.id } })).toBe(0);
    const heard = await createReply(db.prisma, boris, { noteId: note.id, ...reply("Heard.") });
    expect(await kinds(anna, heard.id)).toEqual(["reply"]);
  });

  it("refuses a kind named twice or an unknown kind", () => {
    expect(ZSavePreferences.safeParse({ preferences: [{ kind: "reply", inApp: false, email: false }, { kind: "reply", inApp: true, email: true }] }).success).toBe(false);
    expect(ZSavePreferences.safeParse({ preferences: [{ kind: "gossip", inApp: false, email: false }] }).success).toBe(false);
  });
});

describe("reading notifications", () => {
  it("counts unread ones, marks some or all as read, and lists newest first", async () => {
    const reader = (await signIn(db.prisma, (await seedUser(db.prisma, { displayName: "Lev Reader" })).id, clock)).actor;
    for (const text of ["first", "second", "third"]) {
      await notify(db.prisma, { userIds: [reader.id], kind: "decision", noteId: null, text });
    }
    expect(await unreadNotificationCount(db.prisma, reader)).toBe(3);
    const listed = await listNotifications(db.prisma, reader, { limit: 2, unread: false });
    expect(listed.items.map((item) => item.text)).toEqual(["third", "second"]);
    const rest = await listNotifications(db.prisma, reader, { limit: 2, unread: false, cursor: listed.nextCursor! });
    expect(rest.items.map((item) => item.text)).toEqual(["first"]);
    expect(rest.nextCursor).toBeNull();

    // Another user's ids are ignored, not marked.
    const annaFirst = (await inbox(anna))[0];
    expect(await markNotificationsRead(db.prisma, reader, ZMarkRead.parse({ ids: [listed.items[0].id, annaFirst.id] }))).toEqual({ updated: 1, unreadCount: 2 });
    expect((await inbox(anna))[0].readAt).toBe(annaFirst.readAt);
    expect(await markNotificationsRead(db.prisma, reader, ZMarkRead.parse({ all: true }))).toEqual({ updated: 2, unreadCount: 0 });
    expect((await listNotifications(db.prisma, reader, { limit: 10, unread: true })).items).toEqual([]);
  });

  it("opening one marks it read; another reader's notification is not found", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, boris, { noteId: note.id, ...reply("Open me.") });
    const [item] = (await inbox(anna)).filter((entry) => entry.noteId === answer.id);
    expect(item.readAt).toBeNull();
    expect(await appErrorCode(openNotification(db.prisma, boris, { notificationId: item.id }))).toBe("not_found");
    await openNotification(db.prisma, anna, { notificationId: item.id });
    expect((await inbox(anna)).find((entry) => entry.id === item.id)?.readAt).not.toBeNull();
  });

  it("a deleted item keeps its notification but loses its link", async () => {
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, boris, { noteId: note.id, ...reply("Soon gone.") });
    await deleteNote(db.prisma, boris, { noteId: answer.id });
    const [item] = (await inbox(anna)).filter((entry) => entry.noteId === answer.id);
    expect(item.permalink).toBeNull();
  });

  it("is for signed-in readers only", async () => {
    expect(await appErrorCode(listNotifications(db.prisma, ANONYMOUS, { limit: 10, unread: false }))).toBe("unauthenticated");
    expect(await appErrorCode(markNotificationsRead(db.prisma, ANONYMOUS, { all: true }))).toBe("unauthenticated");
    expect(await appErrorCode(getNotificationPreferences(db.prisma, ANONYMOUS))).toBe("unauthenticated");
  });

  it("refuses a cursor it did not make", async () => {
    expect(await appErrorCode(listNotifications(db.prisma, anna, { limit: 10, unread: false, cursor: "bm90LWEtY3Vyc29y" }))).toBe("bad_request");
  });
});

describe("email (SMTP_URL set: a local SMTP server)", () => {
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  it("mails each recipient after the transaction commits, with a link to the item", async () => {
    await deliverDueMail(db.prisma);
    const before = mailsTo(emails.anna).length;
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft() });
    const answer = await createReply(db.prisma, boris, { noteId: note.id, ...reply("By mail too.") });
    await deliverDueMail(db.prisma);
    const mails = mailsTo(emails.anna).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toMatch(/^Subject: Marginalia: New reply$/m);
    expect(decodeQuotedPrintable(mails[0].data)).toContain(`https://marginalia.example/letters/${SLUG}?note=${note.id}#note-${answer.id}`);
    expect(mailsTo(emails.boris).some((mail) => decodeQuotedPrintable(mail.data).includes(answer.id))).toBe(false);
  });

  it("sends nothing when the transaction rolls back", async () => {
    await deliverDueMail(db.prisma);
    const before = smtp.received.length;
    await expect(
      db.prisma.$transaction(async (tx) => {
        await notify(tx, { userIds: [vera.id], kind: "decision", noteId: null, text: "Never sent" });
        throw new Error("the action failed after notifying");
      }),
    ).rejects.toThrow("the action failed after notifying");
    await deliverDueMail(db.prisma);
    expect(smtp.received.length).toBe(before);
    expect(await db.prisma.notification.count({ where: { userId: vera.id, text: "Never sent" } })).toBe(0);
  });

  it("respects the email switch: in the app only when email is off", async () => {
    await saveNotificationPreferences(db.prisma, vera, ZSavePreferences.parse({ preferences: [{ kind: "mention", inApp: true, email: false }] }));
    await deliverDueMail(db.prisma);
    const before = mailsTo(emails.vera).length;
    const note = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ body: "Quietly, @VeraZasulich." }) });
    await deliverDueMail(db.prisma);
    expect(await kinds(vera, note.id)).toEqual(["mention"]);
    expect(mailsTo(emails.vera).length).toBe(before);

    // Off in the app but on by email: mailed, not listed.
    await saveNotificationPreferences(db.prisma, vera, ZSavePreferences.parse({ preferences: [{ kind: "mention", inApp: false, email: true }] }));
    const second = await createNote(db.prisma, anna, { slug: SLUG, ...draft({ body: "Loudly, @VeraZasulich." }) });
    await deliverDueMail(db.prisma);
    expect(await kinds(vera, second.id)).toEqual([]);
    expect(mailsTo(emails.vera).length).toBe(before + 1);
  });
});
