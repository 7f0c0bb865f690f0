import { listNotes } from "../../lib/annotations/list-notes";
import { getNote } from "../../lib/annotations/note-operations";
import { ZNoteListQuery } from "../../lib/annotations/note-schemas";
import { parseNotesPageView } from "../../lib/annotations/notes-view-params";
import { systemClock } from "../../lib/auth/clock";
import { actorForSession } from "../../lib/auth/sessions";
import { ANONYMOUS, type Actor } from "../../lib/authz/actor";
import { createCountingPrisma } from "../../lib/db/counting-prisma";
import { forgetReadingEditions } from "../../lib/documents/reading-edition-cache";
import { listReviewQueue } from "../../lib/moderation/queue-queries";
import { ZReviewQueueQuery } from "../../lib/moderation/review-queue-view";
import { loadLetterPage } from "../../lib/reading/load-letter-page";
import { loadRequestContext, type RequestContext } from "../../lib/request/request-context";
import { searchNotes } from "../../lib/search/search-notes";
import { parseSearchQuery } from "../../lib/search/search-schemas";

const SLUG = "reply-to-stalin";

/**
 * The SQL statements each measured route sends, counted at the connection as the query budgets count them (the
 * session check and the request's context included, a cold edition cache), for a session id of a signed-in reader
 * and one of a reviewer. Printed by npm run bench beside the timings.
 */
export async function benchStatements(url: string, sessions: { reader: string; reviewer: string }): Promise<string[]> {
  const counting = createCountingPrisma(url);
  const contextFor = async (session: string | null): Promise<RequestContext> => {
    const actor: Actor = session ? await actorForSession(counting.prisma, session, systemClock) : ANONYMOUS;
    return loadRequestContext(counting.prisma, actor);
  };
  const measure = async (name: string, session: string | null, load: (ctx: RequestContext) => Promise<unknown>) => {
    forgetReadingEditions();
    const { statements } = await counting.count(async () => load(await contextFor(session)));
    return `  ${name.padEnd(44)} ${String(statements.length).padStart(3)} statements`;
  };
  try {
    const [first] = (await listNotes(counting.prisma, ANONYMOUS, SLUG, ZNoteListQuery.parse({ limit: "1" }))).notes;
    const page = (ctx: RequestContext) => loadLetterPage(counting.prisma, ctx, SLUG, parseNotesPageView({}), { clock: systemClock });
    const list = (ctx: RequestContext) => listNotes(counting.prisma, ctx, SLUG, ZNoteListQuery.parse({}));
    const search = (ctx: RequestContext) => searchNotes(counting.prisma, ctx, SLUG, parseSearchQuery(new URLSearchParams({ q: "Stalin" })));
    const lines: string[] = [];
    // One at a time: the counter must see one request's statements only.
    lines.push(await measure("reading page, anonymous", null, page));
    lines.push(await measure("reading page, signed in", sessions.reader, page));
    lines.push(await measure("notes API (first page), anonymous", null, list));
    lines.push(await measure("notes API (first page), signed in", sessions.reader, list));
    if (first) lines.push(await measure("one note (API), signed in", sessions.reader, (ctx) => getNote(counting.prisma, ctx, first.id)));
    lines.push(await measure("search with facets, signed in", sessions.reader, search));
    lines.push(await measure("review queue, reviewer", sessions.reviewer, (ctx) => listReviewQueue(counting.prisma, ctx, ZReviewQueueQuery.parse({}))));
    return lines;
  } finally {
    await counting.end();
  }
}
