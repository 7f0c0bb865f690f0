import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import type { Actor } from "@/lib/authz/actor";
import { cursorOf, FEED_RETENTION_HOURS, FEED_START, hasHeldBack, pruneFeed, readFeed, recordChanges, type FeedEvent } from "@/lib/live/change-feed";
import { FEED_CHANNEL, FeedListener } from "@/lib/live/feed-listener";
import { seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Issue #18, item 1: the change feed. Changes are recorded in their own transaction, announced by NOTIFY at commit,
// and read in (xid, id) order below the oldest running transaction, so a later-committing earlier id is never lost.
const clock = createControllableClock();
let db: TestDatabase;
let writer: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  writer = (await signIn(db.prisma, (await seedUser(db.prisma, { trusted: true })).id, clock)).actor;
});

afterAll(async () => {
  await db?.drop();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return client;
}

async function insertEvent(client: pg.Client, kind: string): Promise<bigint> {
  const { rows } = await client.query<{ id: string }>(`INSERT INTO "ChangeEvent" ("kind") VALUES ($1) RETURNING "id"`, [kind]);
  return BigInt(rows[0]!.id);
}

/** Waits until `done` holds, polling; fails after a few seconds. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The feed after `start`, once it holds `count` events: the watermark is the oldest transaction running on the whole
 * server, so another database's transaction (a parallel test file) may hold delivery back for a moment.
 */
async function readWhenFinal(start: { xid: bigint; id: bigint }, count: number): Promise<FeedEvent[]> {
  let events: FeedEvent[] = [];
  for (let waited = 0; waited < 10_000 && events.length < count; waited += 50) {
    events = await readFeed(db.prisma, start, 100_000);
    if (events.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return events;
}

async function latestCursor() {
  const all = await readFeed(db.prisma, FEED_START, 100_000);
  const last = all.at(-1);
  return last ? { xid: last.xid, id: last.id } : FEED_START;
}

describe("the change feed", () => {
  it("holds back a later id committed first until the earlier transaction ends, then delivers both, in order", async () => {
    const start = await latestCursor();
    const first = await connect();
    const second = await connect();
    try {
      await first.query("BEGIN");
      const earlier = await insertEvent(first, "note.created");
      await second.query("BEGIN");
      const later = await insertEvent(second, "note.updated");
      expect(later).toBeGreaterThan(earlier);
      await second.query("COMMIT");
      // The later id is committed, but a transaction that holds an earlier id still runs: nothing is final yet.
      expect(await readFeed(db.prisma, start)).toEqual([]);
      expect(await hasHeldBack(db.prisma, start)).toBe(true);
      await first.query("COMMIT");
      const delivered = await readWhenFinal(start, 2);
      expect(delivered.map((event) => event.id)).toEqual([earlier, later]);
      expect(await hasHeldBack(db.prisma, { xid: delivered[1]!.xid, id: delivered[1]!.id })).toBe(false);
    } finally {
      await first.end();
      await second.end();
    }
  });

  it("announces a committed change with its id, and a rolled-back one not at all", async () => {
    const listener = await connect();
    const writerClient = await connect();
    const heard: string[] = [];
    try {
      listener.on("notification", (message) => heard.push(message.payload ?? ""));
      await listener.query(`LISTEN ${FEED_CHANNEL}`);
      const start = await latestCursor();
      await writerClient.query("BEGIN");
      await insertEvent(writerClient, "note.created");
      await writerClient.query("ROLLBACK");
      await writerClient.query("BEGIN");
      const kept = await insertEvent(writerClient, "note.deleted");
      await writerClient.query("COMMIT");
      await until(() => heard.length > 0, "the notification");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([kept.toString()]);
      expect((await readWhenFinal(start, 1)).map((event) => event.kind)).toEqual(["note.deleted"]);
    } finally {
      await listener.end();
      await writerClient.end();
    }
  });

  it("records an operation's change in its transaction: two listeners on one database both receive it", async () => {
    const received: FeedEvent[][] = [[], []];
    const listeners = received.map((list) => new FeedListener({ connectionString: db.url, db: db.prisma, onEvent: (event) => void list.push(event) }));
    try {
      for (const listener of listeners) await listener.start();
      const note = await createNote(db.prisma, writer, { slug: SLUG, ...noteDraft({ paragraph: "p3", referenceType: "person", body: "Heard live." })() }, { clock });
      for (const list of received) await until(() => list.some((event) => event.noteId === note.id), "the note's event");
      for (const list of received) expect(list.filter((event) => event.noteId === note.id).map((event) => event.kind)).toEqual(["note.created"]);
    } finally {
      for (const listener of listeners) await listener.stop();
    }
  });

  it("loses nothing while its LISTEN connection is down, and delivers each event once", async () => {
    const received: bigint[] = [];
    const listener = new FeedListener({ connectionString: db.url, db: db.prisma, onEvent: (event) => void received.push(event.id), maxBackoffMs: 200 });
    try {
      await listener.start();
      listener.dropConnectionForTest();
      const written: bigint[] = [];
      for (let i = 0; i < 5; i += 1) {
        await db.prisma.$transaction((tx) => recordChanges(tx, [{ kind: "queue.changed" }]));
        written.push((await latestCursor()).id);
      }
      await until(() => written.every((id) => received.includes(id)), "every event after the reconnect");
      expect(received.filter((id) => written.includes(id))).toEqual(written);
      expect(new Set(received).size).toBe(received.length);
    } finally {
      await listener.stop();
    }
  });

  it("resumes after a client's last event id without a gap or a repeat; an unknown id cannot be resumed from", async () => {
    for (let i = 0; i < 4; i += 1) await db.prisma.$transaction((tx) => recordChanges(tx, [{ kind: "queue.changed" }, { kind: "access.changed" }]));
    const all = await readFeed(db.prisma, FEED_START, 100_000);
    const middle = all[Math.floor(all.length / 2)]!;
    const cursor = await cursorOf(db.prisma, middle.id);
    expect(cursor).toEqual({ xid: middle.xid, id: middle.id });
    const rest = await readFeed(db.prisma, cursor!, 100_000);
    expect([...all.slice(0, all.indexOf(middle) + 1), ...rest].map((event) => event.id)).toEqual(all.map((event) => event.id));
    expect(await cursorOf(db.prisma, 999_999_999n)).toBeNull();
  });

  it("prunes what is older than the retention and keeps the rest", async () => {
    const now = new Date();
    const old = await db.prisma.changeEvent.create({ data: { kind: "queue.changed", createdAt: new Date(now.getTime() - (FEED_RETENTION_HOURS + 1) * 3_600_000) } });
    const recent = await db.prisma.changeEvent.create({ data: { kind: "queue.changed", createdAt: new Date(now.getTime() - 3_600_000) } });
    expect(await pruneFeed(db.prisma, now)).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.changeEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.prisma.changeEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
