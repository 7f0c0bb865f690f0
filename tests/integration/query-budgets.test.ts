import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNotes } from "@/lib/annotations/list-notes";
import { createNote, getNote } from "@/lib/annotations/note-operations";
import { ZNoteListQuery } from "@/lib/annotations/note-schemas";
import { parseNotesPageView } from "@/lib/annotations/notes-view-params";
import { ANONYMOUS, type Actor } from "@/lib/authz/actor";
import { actorForSession } from "@/lib/auth/sessions";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { forgetReadingEditions } from "@/lib/documents/reading-edition-cache";
import { rerenderNoteBodies } from "@/lib/markdown/rerender-note-bodies";
import { listReviewQueue } from "@/lib/moderation/queue-queries";
import { ZReviewQueueQuery } from "@/lib/moderation/review-queue-view";
import { loadLetterPage } from "@/lib/reading/load-letter-page";
import { seedReferenceIndex } from "@/lib/references/seed-reference-index";
import { loadRequestContext, type RequestContext } from "@/lib/request/request-context";
import { searchNotes } from "@/lib/search/search-notes";
import { parseSearchQuery } from "@/lib/search/search-schemas";
import { signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createCountingPrisma } from "@/lib/db/counting-prisma";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// Query budgets: the SQL statements one request sends, counted at the connection (BEGIN and COMMIT included), the
// session check included for a signed-in reader, on a cold per-process cache. A request is what its route or page
// runs: the session check (actorForSession), the request's context (loadRequestContext), then the loader. Counts,
// never timings; and a budget never depends on how many notes a page shows.

const clock = createControllableClock(new Date());
let db: TestDatabase;
let counting: ReturnType<typeof createCountingPrisma>;
const sessions: Record<"researcher" | "reviewer", string> = { researcher: "", reviewer: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  // Notes, replies and flags count against their writer's hourly limit, kept in the app's database.
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  await seedReferenceIndex(db.prisma);
  await seedDemoData(db.prisma);
  await rerenderNoteBodies(db.prisma);
  for (const name of ["researcher", "reviewer"] as const) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: `${name}@demo.marginalia` } });
    sessions[name] = (await signIn(db.prisma, user.id, clock)).sessionId;
  }
  counting = createCountingPrisma(db.url);
}, 120_000);

afterAll(async () => {
  await counting?.end();
  await db?.drop();
});

type Who = "anonymous" | keyof typeof sessions;

/** What a route or page does before its loader: the session check, then the request's context. */
async function requestFor(who: Who): Promise<RequestContext> {
  const actor: Actor = who === "anonymous" ? ANONYMOUS : await actorForSession(counting.prisma, sessions[who], clock);
  return loadRequestContext(counting.prisma, actor);
}

async function statementsOf(who: Who, load: (ctx: RequestContext) => Promise<unknown>): Promise<string[]> {
  forgetReadingEditions();
  const { statements } = await counting.count(async () => load(await requestFor(who)));
  return statements;
}

const letterPage = (ctx: RequestContext) => loadLetterPage(counting.prisma, ctx, SLUG, parseNotesPageView({}), { clock });
const notesPage = (ctx: RequestContext) => listNotes(counting.prisma, ctx, SLUG, ZNoteListQuery.parse({}));
const search = (ctx: RequestContext) => searchNotes(counting.prisma, ctx, SLUG, parseSearchQuery(new URLSearchParams({ q: "Stalin" })));

const BUDGETS: { request: string; who: Who; budget: number; load: (ctx: RequestContext) => Promise<unknown> }[] = [
  { request: "the letter page", who: "anonymous", budget: 6, load: letterPage },
  { request: "the letter page", who: "researcher", budget: 10, load: letterPage },
  { request: "the notes list API, one page", who: "anonymous", budget: 4, load: notesPage },
  { request: "the notes list API, one page", who: "researcher", budget: 6, load: notesPage },
  { request: "search with facets", who: "anonymous", budget: 5, load: search },
  { request: "search with facets", who: "researcher", budget: 7, load: search },
  { request: "the review queue page", who: "reviewer", budget: 10, load: (ctx) => listReviewQueue(counting.prisma, ctx, ZReviewQueueQuery.parse({})) },
];

describe("query budgets (SQL statements per request)", () => {
  it.each(BUDGETS)("$request, $who: at most $budget", async ({ request, who, budget, load }) => {
    const statements = await statementsOf(who, load);
    console.info(`query budget: ${request}, ${who}: ${statements.length} statements (budget ${budget})`);
    expect(statements.length, statements.map((sql) => sql.replace(/\s+/g, " ").slice(0, 90)).join("\n")).toBeLessThanOrEqual(budget);
  });

  it("one note (API): at most 3 anonymous, 5 signed in", async () => {
    const [note] = (await listNotes(db.prisma, ANONYMOUS, SLUG, ZNoteListQuery.parse({ limit: "1" }))).notes;
    expect((await statementsOf("anonymous", (ctx) => getNote(counting.prisma, ctx, note.id))).length).toBeLessThanOrEqual(3);
    expect((await statementsOf("researcher", (ctx) => getNote(counting.prisma, ctx, note.id))).length).toBeLessThanOrEqual(5);
  });

  it("no budget grows with the notes a page shows: the same statements after 60 more notes and a queue twice as long", async () => {
    const countAll = async () => {
      // One request at a time: the counter sees every statement of one request and no other's.
      const counts: number[] = [];
      for (const { who, load } of BUDGETS) counts.push((await statementsOf(who, load)).length);
      return counts;
    };
    const before = await countAll();
    const newcomer = await db.prisma.user.findUniqueOrThrow({ where: { email: "newcomer@demo.marginalia" } });
    const researcher = await db.prisma.user.findUniqueOrThrow({ where: { email: "researcher@demo.marginalia" } });
    const [writer, waiting] = await Promise.all([signIn(db.prisma, researcher.id, clock), signIn(db.prisma, newcomer.id, clock)]);
    const draft = noteDraft({ referenceType: "person", visibility: "public" });
    for (let n = 0; n < 60; n += 1) {
      // Trusted notes (published) on every paragraph, and the untrusted newcomer's, which wait in the queue.
      await createNote(db.prisma, n % 2 ? writer.actor : waiting.actor, { slug: SLUG, ...draft({ paragraph: `p${(n % 27) + 1}`, body: `Budget note ${n} about Stalin.` }) });
    }
    const after = await countAll();
    expect(after).toEqual(before);
  });
});
