import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { loadReviewDashboard } from "@/lib/moderation/dashboard-queries";
import { decide } from "@/lib/moderation/decision-operations";
import { flagNote } from "@/lib/moderation/flag-operations";
import { ZDecision, ZFlag } from "@/lib/moderation/moderation-schemas";
import { listModerationLog, moderationLogCsv } from "@/lib/moderation/log-queries";
import { ZModerationLogQuery, type TModerationLogInput } from "@/lib/moderation/log-view";
import { getReviewItem, listReviewQueue } from "@/lib/moderation/queue-queries";
import { ZReviewQueuePage, ZReviewQueueQuery, type TReviewQueueInput } from "@/lib/moderation/review-queue-view";
import { appErrorCode, appErrorOf, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { importLetter } from "./support/letter-readers";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The queue, log and dashboard of issue #5, over items seeded directly (what the flag and decision operations would
// leave behind), so that each role's view can be stated exactly.
const clock = createControllableClock();
const NOW = new Date("2026-11-25T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

let db: TestDatabase;
let documentId: string;
let paragraph: { id: string; text: string };
const actors = {} as Record<"reviewer" | "admin" | "researcher" | "modOne" | "ownerTwo" | "author" | "flagger" | "dashMod", Actor & { kind: "user" }>;
let groupOne: string;
let groupTwo: string;
let groupDash: string;
const items = {} as Record<string, string>;

type Seed = {
  author: keyof typeof actors;
  visibility?: "public" | "group" | "private";
  groupId?: string;
  status?: "approved" | "pending" | "hidden" | "spam";
  queuedHoursAgo?: number | null;
  referenceType?: "person" | "concept" | "event";
  threadId?: string;
  deleted?: boolean;
  flags?: { by: keyof typeof actors; reason: "inaccurate" | "offensive" | "spam" | "off_topic"; comment?: string; resolved?: boolean }[];
  quote?: boolean;
};

async function seedItem(name: string, seed: Seed) {
  const start = 4;
  const end = 24;
  const note = await db.prisma.note.create({
    data: {
      documentId,
      paragraphId: paragraph.id,
      authorId: actors[seed.author].id,
      visibility: seed.visibility ?? "public",
      groupId: seed.groupId ?? null,
      moderationStatus: seed.status ?? "pending",
      queuedAt: seed.queuedHoursAgo === null ? null : hoursAgo(seed.queuedHoursAgo ?? 1),
      referenceType: seed.referenceType ?? "concept",
      body: `Item ${name}`,
      tags: [],
      threadId: seed.threadId ?? null,
      // As createReply does: a reply carries its thread's status.
      threadStatus: seed.threadId ? (await db.prisma.note.findUniqueOrThrow({ where: { id: seed.threadId }, select: { moderationStatus: true } })).moderationStatus : null,
      parentId: seed.threadId ?? null,
      deletedAt: seed.deleted ? NOW : null,
      ...(seed.quote ? { quoteExact: paragraph.text.slice(start, end), positionStart: start, positionEnd: end } : {}),
    },
  });
  for (const [index, flag] of (seed.flags ?? []).entries()) {
    await db.prisma.flag.create({
      data: {
        noteId: note.id,
        flaggerId: actors[flag.by].id,
        reason: flag.reason,
        comment: flag.comment ?? null,
        // A minute apart, in the order given.
        createdAt: new Date(hoursAgo(seed.queuedHoursAgo ?? 1).getTime() + index * 60_000),
        ...(flag.resolved ? { resolvedAt: NOW, resolvedById: actors.admin.id, resolution: "approve" } : {}),
      },
    });
  }
  const open = (seed.flags ?? []).filter((flag) => !flag.resolved).length;
  if (open) await db.prisma.note.update({ where: { id: note.id }, data: { openFlagCount: open } });
  if (seed.threadId) await db.prisma.note.update({ where: { id: seed.threadId }, data: { replyCount: { increment: 1 } } });
  items[name] = note.id;
  return note.id;
}

const queue = (actor: Actor, input: TReviewQueueInput = {}) => listReviewQueue(db.prisma, actor, ZReviewQueueQuery.parse(input));
const namesOf = (page: { items: { note: { id: string } }[] }) =>
  page.items.map((item) => Object.entries(items).find(([, id]) => id === item.note.id)?.[0] ?? item.note.id);
const log = (actor: Actor, input: TModerationLogInput = {}) => listModerationLog(db.prisma, actor, ZModerationLogQuery.parse(input));

async function record(data: {
  action: "flag" | "approve" | "hide" | "spam" | "restore" | "trust";
  actor: keyof typeof actors;
  noteId?: string | null;
  subject?: keyof typeof actors;
  groupId?: string | null;
  reason?: string;
  queuedAt?: Date | null;
  createdAt: Date;
}) {
  return db.prisma.moderationRecord.create({
    data: {
      action: data.action,
      actorId: actors[data.actor].id,
      actorLabel: actors[data.actor].displayName,
      noteId: data.noteId ?? null,
      subjectUserId: data.subject ? actors[data.subject].id : null,
      groupId: data.groupId ?? null,
      previousStatus: data.action === "flag" ? null : "pending",
      newStatus: data.action === "flag" ? null : data.action === "approve" ? "approved" : data.action,
      reason: data.reason ?? null,
      queuedAt: data.queuedAt ?? null,
      createdAt: data.createdAt,
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  const document = await db.prisma.document.findFirstOrThrow({ select: { id: true } });
  documentId = document.id;
  paragraph = await db.prisma.paragraph.findFirstOrThrow({ where: { documentId, anchorId: "p3" }, select: { id: true, text: true } });
  const roles = { reviewer: "reviewer", admin: "admin" } as const;
  for (const name of ["reviewer", "admin", "researcher", "modOne", "ownerTwo", "author", "flagger", "dashMod"] as const) {
    const user = await seedUser(db.prisma, { displayName: `The ${name}`, siteRole: roles[name as keyof typeof roles] ?? "researcher" });
    actors[name] = (await signIn(db.prisma, user.id, clock)).actor;
  }
  const group = (name: string, staff: keyof typeof actors, role: "owner" | "moderator") =>
    db.prisma.group.create({
      data: {
        kind: "research",
        name,
        createdById: actors.author.id,
        memberships: {
          create: [
            { userId: actors[staff].id, role },
            { userId: actors.author.id, role: staff === "modOne" ? "owner" : "member" },
            { userId: actors.flagger.id, role: "member" },
          ],
        },
      },
    });
  groupOne = (await group("Group One", "modOne", "moderator")).id;
  groupTwo = (await group("Group Two", "ownerTwo", "owner")).id;
  groupDash = (await group("Dashboard group", "dashMod", "moderator")).id;

  await seedItem("publicPending", { author: "author", queuedHoursAgo: 10, quote: true });
  await seedItem("publicFlagged", {
    author: "author",
    status: "approved",
    queuedHoursAgo: 5,
    referenceType: "person",
    flags: [
      { by: "flagger", reason: "offensive", comment: 'Says "=1+1", rudely' },
      { by: "researcher", reason: "inaccurate" },
      { by: "modOne", reason: "offensive", resolved: true },
    ],
  });
  await seedItem("publicReply", { author: "researcher", threadId: items.publicPending, queuedHoursAgo: 2 });
  await seedItem("groupOnePending", { author: "author", visibility: "group", groupId: groupOne, queuedHoursAgo: 8 });
  await seedItem("groupTwoFlagged", {
    author: "author",
    visibility: "group",
    groupId: groupTwo,
    status: "approved",
    queuedHoursAgo: 3,
    flags: [{ by: "flagger", reason: "spam" }],
  });
  await seedItem("privateQueued", { author: "author", visibility: "private", queuedHoursAgo: 20 });
  await seedItem("reviewerOwn", { author: "reviewer", queuedHoursAgo: 9, flags: [{ by: "flagger", reason: "off_topic" }], status: "approved" });
  await seedItem("modOneOwn", { author: "modOne", visibility: "group", groupId: groupOne, queuedHoursAgo: 7 });
  await seedItem("publicSettled", { author: "author", status: "approved", queuedHoursAgo: null });
  await seedItem("publicDeleted", { author: "author", queuedHoursAgo: 30, deleted: true });
});

afterAll(async () => {
  await db?.drop();
});

describe("who sees which items in the review queue", () => {
  it("a reviewer: public items waiting or flagged, not group or private items, not their own, not settled or deleted ones", async () => {
    expect(namesOf(await queue(actors.reviewer))).toEqual(["publicPending", "publicFlagged", "publicReply"]);
  });

  it("an admin: public and every group's items, but not their own and never private ones", async () => {
    expect(namesOf(await queue(actors.admin))).toEqual(["publicPending", "reviewerOwn", "groupOnePending", "modOneOwn", "publicFlagged", "groupTwoFlagged", "publicReply"]);
  });

  it("a group moderator or owner: their group's items only, not their own", async () => {
    expect(namesOf(await queue(actors.modOne))).toEqual(["groupOnePending"]);
    expect(namesOf(await queue(actors.ownerTwo))).toEqual(["groupTwoFlagged"]);
  });

  it("a researcher who staffs no group, a plain member and an item's author are told there is nothing here (404)", async () => {
    expect(await appErrorCode(queue(actors.researcher))).toBe("not_found");
    expect(await appErrorCode(queue(actors.flagger))).toBe("not_found");
    expect(await appErrorCode(log(actors.researcher))).toBe("not_found");
    expect(await appErrorCode(loadReviewDashboard(db.prisma, actors.researcher, NOW))).toBe("not_found");
  });

  it("a single item is found only while it is in the actor's reach", async () => {
    expect((await getReviewItem(db.prisma, actors.reviewer, items.publicFlagged))?.note.id).toBe(items.publicFlagged);
    expect(await getReviewItem(db.prisma, actors.reviewer, items.groupOnePending)).toBeNull();
    expect(await getReviewItem(db.prisma, actors.reviewer, items.reviewerOwn)).toBeNull();
    expect(await getReviewItem(db.prisma, actors.modOne, items.groupOnePending)).not.toBeNull();
  });
});

describe("order, filters and pages", () => {
  it("sorts by number of open flags (resolved flags do not count), then oldest first", async () => {
    expect(namesOf(await queue(actors.admin, { sort: "flags" }))).toEqual([
      "publicFlagged",
      "reviewerOwn",
      "groupTwoFlagged",
      "publicPending",
      "groupOnePending",
      "modOneOwn",
      "publicReply",
    ]);
  });

  it("filters by an open flag's reason (off-topic spelled either way), group and reference type", async () => {
    expect(namesOf(await queue(actors.admin, { reason: "offensive" }))).toEqual(["publicFlagged"]);
    expect(namesOf(await queue(actors.admin, { reason: "off-topic" }))).toEqual(["reviewerOwn"]);
    expect(namesOf(await queue(actors.admin, { reason: "copyright" }))).toEqual([]);
    expect(namesOf(await queue(actors.admin, { group: groupOne }))).toEqual(["groupOnePending", "modOneOwn"]);
    // A group outside the actor's reach filters to nothing rather than widening it.
    expect(namesOf(await queue(actors.modOne, { group: groupTwo }))).toEqual([]);
    expect(namesOf(await queue(actors.reviewer, { referenceType: "person" }))).toEqual(["publicFlagged"]);
  });

  it("refuses unknown filter values as bad input", () => {
    expect(ZReviewQueueQuery.safeParse({ reason: "boring" }).success).toBe(false);
    expect(ZReviewQueueQuery.safeParse({ sort: "newest" }).success).toBe(false);
  });

  it("pages through the queue in either order without repeating or skipping an item, and counts all of it", async () => {
    for (const sort of ["oldest", "flags"] as const) {
      const all = namesOf(await queue(actors.admin, { sort }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queue(actors.admin, { sort, limit: 2, cursor });
        expect(page.total).toBe(7);
        seen.push(...namesOf(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
    expect(await appErrorCode(queue(actors.admin, { cursor: "bm9wZQ" }))).toBe("bad_request");
  });
});

describe("what each item shows", () => {
  it("the passage in its paragraph, the whole thread, the open flags, the author's history and the moderation records", async () => {
    await record({ action: "hide", actor: "reviewer", noteId: items.publicSettled, subject: "author", reason: "Unsourced claim", createdAt: hoursAgo(50) });
    await record({ action: "approve", actor: "reviewer", noteId: items.publicFlagged, subject: "author", createdAt: hoursAgo(40) });
    await record({ action: "flag", actor: "flagger", noteId: items.publicFlagged, subject: "author", reason: "offensive", createdAt: hoursAgo(5) });
    // A decision in a group the reviewer does not moderate is not theirs to know.
    await record({ action: "spam", actor: "modOne", noteId: items.groupOnePending, subject: "author", groupId: groupOne, createdAt: hoursAgo(45) });

    const page = await queue(actors.reviewer);
    expect(ZReviewQueuePage.safeParse(page).success).toBe(true);
    const [pending, flagged, reply] = page.items;

    expect(pending!.passage).toEqual({
      anchorId: "p3",
      label: "paragraph 3",
      before: paragraph.text.slice(0, 4),
      quote: paragraph.text.slice(4, 24),
      after: paragraph.text.slice(24),
      orphaned: false,
    });
    expect(pending!.thread.note.id).toBe(items.publicPending);
    expect(pending!.thread.replies.map((r) => r.id)).toEqual([items.publicReply]);
    expect(reply!.thread.note.id).toBe(items.publicPending);
    expect(reply!.opensThread).toBe(false);
    expect(pending!.opensThread).toBe(true);

    expect(flagged!.openFlagCount).toBe(2);
    expect(flagged!.flags.map((flag) => [flag.reason, flag.flagger])).toEqual([
      ["offensive", "The flagger"],
      ["inaccurate", "The researcher"],
    ]);
    expect(flagged!.flags[0]!.comment).toBe('Says "=1+1", rudely');
    expect(flagged!.records.map((r) => r.action)).toEqual(["approve", "flag"]);

    expect(flagged!.author).toMatchObject({ displayName: "The author", trusted: false, suspended: false });
    // Only decisions the reviewer may read in the log: the spam decision in Group One is not among them.
    expect(flagged!.author.decisions).toEqual({ hide: 1, approve: 1 });
    // Every live shared item of theirs counts: public and group, pending or not (not the private nor the deleted one).
    expect(flagged!.author.itemCount).toBe(5);
    expect(flagged!.history).toBeNull();
    expect(flagged!.moderationRevision).toBe(0);
  });

  it("an edited item shows its edit history", async () => {
    await db.prisma.noteRevision.create({
      data: { noteId: items.publicPending, version: 1, body: "Item publicPending, first draft", tags: [], referenceType: "concept", editedById: actors.author.id },
    });
    await db.prisma.note.update({ where: { id: items.publicPending }, data: { version: 2 } });
    const item = await getReviewItem(db.prisma, actors.reviewer, items.publicPending);
    expect(item!.history!.map((version) => [version.version, version.body, version.current])).toEqual([
      [1, "Item publicPending, first draft", false],
      [2, "Item publicPending", true],
    ]);
  });
});

describe("the moderation log", () => {
  beforeAll(async () => {
    await record({ action: "trust", actor: "admin", subject: "researcher", reason: "Known historian", createdAt: hoursAgo(30) });
    await record({ action: "approve", actor: "ownerTwo", noteId: items.groupTwoFlagged, subject: "author", groupId: groupTwo, createdAt: hoursAgo(20) });
    await record({ action: "flag", actor: "flagger", noteId: items.reviewerOwn, subject: "reviewer", reason: "off-topic", createdAt: hoursAgo(9) });
    await record({
      action: "hide",
      actor: "admin",
      noteId: items.publicPending,
      subject: "author",
      reason: '=HYPERLINK("http://x"), "quoted"\nsecond line',
      createdAt: hoursAgo(1),
    });
  });

  const actions = async (actor: Actor, input: TModerationLogInput = {}) => (await log(actor, input)).records.map((r) => `${r.action}:${r.actorLabel}`);

  it("reviewers read records of public items and trust changes, never a flag on their own item (it would name the flagger)", async () => {
    expect(await actions(actors.reviewer)).toEqual([
      "hide:The admin",
      "flag:The flagger",
      "trust:The admin",
      "approve:The reviewer",
      "hide:The reviewer",
    ]);
    const flagOnOwn = (await log(actors.reviewer)).records.find((r) => r.noteId === items.reviewerOwn);
    expect(flagOnOwn).toBeUndefined();
  });

  it("group staff read their groups' records; admins read everything but flags on their own items", async () => {
    expect(await actions(actors.modOne)).toEqual(["spam:The modOne"]);
    expect(await actions(actors.ownerTwo)).toEqual(["approve:The ownerTwo"]);
    expect(await actions(actors.admin)).toHaveLength(8);
  });

  it("filters by action, actor (name or id) and date range, and pages newest first", async () => {
    expect(await actions(actors.admin, { action: "hide" })).toEqual(["hide:The admin", "hide:The reviewer"]);
    expect(await actions(actors.admin, { actor: "REVIEWER" })).toEqual(["approve:The reviewer", "hide:The reviewer"]);
    expect(await actions(actors.admin, { actor: actors.ownerTwo.id })).toEqual(["approve:The ownerTwo"]);
    expect(await actions(actors.admin, { from: "2026-11-25", to: "2026-11-25" })).toEqual(["hide:The admin", "flag:The flagger", "flag:The flagger"]);
    expect(await actions(actors.admin, { to: "2026-11-23" })).toEqual(["approve:The reviewer", "spam:The modOne", "hide:The reviewer"]);
    expect(ZModerationLogQuery.safeParse({ from: "2026-11-25", to: "2026-11-24" }).success).toBe(false);

    const all = await actions(actors.admin);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await log(actors.admin, { limit: 4, cursor });
      seen.push(...page.records.map((r) => `${r.action}:${r.actorLabel}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("exports the same records as CSV: a header row, quoted cells, formulas defused", async () => {
    const lines: string[] = [];
    for await (const line of await moderationLogCsv(db.prisma, actors.reviewer, ZModerationLogQuery.parse({ format: "csv", action: "hide" }))) lines.push(line);
    expect(lines[0]).toBe("time (UTC),action,actor,note,about user,group,previous status,new status,reason,queued at (UTC)\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `${hoursAgo(1).toISOString()},hide,The admin,${items.publicPending},The author,,pending,hide,"'=HYPERLINK(""http://x""), ""quoted""\nsecond line",\r\n`,
    );
    expect(await appErrorCode(moderationLogCsv(db.prisma, actors.researcher, ZModerationLogQuery.parse({ format: "csv" })))).toBe("not_found");
  });
});

describe("the dashboard", () => {
  it("sums up the queue, decisions, time to decision and flags of what the actor moderates", async () => {
    await seedItem("dashOld", { author: "author", visibility: "group", groupId: groupDash, queuedHoursAgo: 48 });
    await seedItem("dashMid", {
      author: "author",
      visibility: "group",
      groupId: groupDash,
      status: "approved",
      queuedHoursAgo: 12,
      flags: [
        { by: "flagger", reason: "spam" },
        { by: "researcher", reason: "offensive" },
      ],
    });
    await seedItem("dashNew", { author: "author", visibility: "group", groupId: groupDash, queuedHoursAgo: 2 });
    const decided = (hoursBefore: number, tookHours: number, action: "approve" | "hide" | "spam" = "approve") =>
      record({
        action,
        actor: "dashMod",
        noteId: items.dashOld,
        subject: "author",
        groupId: groupDash,
        queuedAt: hoursAgo(hoursBefore + tookHours),
        createdAt: hoursAgo(hoursBefore),
      });
    await decided(1, 1);
    await decided(2, 3, "hide");
    await decided(26, 5, "spam");
    // Older than 30 days: neither in the chart nor in the median.
    await decided(24 * 40, 100);

    const dashboard = await loadReviewDashboard(db.prisma, actors.dashMod, NOW);
    expect(dashboard.queue).toEqual({
      size: 3,
      pending: 2,
      flagged: 1,
      oldestQueuedAt: hoursAgo(48).toISOString(),
      oldestAgeSeconds: 48 * 3600,
      medianAgeSeconds: 12 * 3600,
    });
    expect(dashboard.decisionsPerDay).toHaveLength(30);
    expect(dashboard.decisionsPerDay.at(-1)).toEqual({ day: "2026-11-25", count: 2 });
    expect(dashboard.decisionsPerDay.at(-2)).toEqual({ day: "2026-11-24", count: 1 });
    expect(dashboard.decisionsPerDay[0]).toEqual({ day: "2026-10-27", count: 0 });
    expect(dashboard.decisionsPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(3);
    expect(dashboard.timeToDecision).toEqual({ medianSeconds: 3 * 3600, decisions: 3 });
    expect(dashboard.flagsByReason.filter((row) => row.open || row.raised)).toEqual([
      { reason: "offensive", open: 1, raised: 1 },
      { reason: "spam", open: 1, raised: 1 },
    ]);
  });
});

describe("the queue after real flags and decisions", () => {
  it("a flag puts an item in the queue; a decision takes it out, and a stale one is refused with the state now", async () => {
    const id = await seedItem("liveFlow", { author: "author", status: "approved", queuedHoursAgo: null });
    await flagNote(db.prisma, actors.flagger, { noteId: id, ...ZFlag.parse({ reason: "inaccurate", comment: "No source given" }) });
    const before = await getReviewItem(db.prisma, actors.reviewer, id);
    expect(before).toMatchObject({ openFlagCount: 1, moderationRevision: 0, moderationStatus: "approved" });
    expect(before!.flags.map((flag) => [flag.reason, flag.flagger, flag.comment])).toEqual([["inaccurate", "The flagger", "No source given"]]);
    expect(namesOf(await queue(actors.reviewer))).toContain("liveFlow");

    await decide(db.prisma, actors.reviewer, { noteId: id, ...ZDecision.parse({ action: "hide", reason: "Unsupported claim", basedOn: before!.moderationRevision }) });
    expect(namesOf(await queue(actors.reviewer))).not.toContain("liveFlow");
    const stale = await appErrorOf(decide(db.prisma, actors.admin, { noteId: id, ...ZDecision.parse({ action: "approve", basedOn: before!.moderationRevision }) }));
    expect(stale.code).toBe("conflict");
    expect(stale.details.body).toMatchObject({ current: { moderationStatus: "hidden", moderationRevision: 1 } });

    const records = (await log(actors.reviewer, { action: "hide" })).records.filter((r) => r.noteId === id);
    expect(records).toMatchObject([{ actorLabel: "The reviewer", previousStatus: "approved", newStatus: "hidden", reason: "Unsupported claim", subjectUser: "The author" }]);
  });
});
