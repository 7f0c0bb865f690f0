import pg from "pg";
import { performance } from "node:perf_hooks";
import type { BenchNotes } from "./generate-bench-notes";
import { getOk, READER_EMAIL, READER_PASSWORD, time } from "./bench-notes";
import { withPeakRss } from "./process-memory";
import { signInOverHttp } from "./sign-in-for-bench";

const SLUG = "reply-to-stalin";
const CONTAINER = `/annotations/${SLUG}/`;

/** Reads a streamed export to its end, counting bytes (nothing kept): what a client saving the file does. */
async function download(url: string, cookie: string): Promise<{ seconds: number; bytes: number; total: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let head = "";
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value;
    bytes += chunk.byteLength;
    if (head.length < 400) head += Buffer.from(chunk).toString("utf8", 0, Math.min(chunk.byteLength, 400));
  }
  const total = Number(/"total":(\d+)/.exec(head)?.[1] ?? NaN);
  return { seconds: (performance.now() - started) / 1000, bytes, total };
}

/**
 * Issue #14's figures, on the 100,000 generated notes and replies: the W3C container's first and a middle page next
 * to the notes JSON API (signed-in reader), then the exports with the app's peak memory. Run last: it rewrites who
 * wrote 10,000 notes and, for the whole-document export, makes every generated note public and approved.
 */
export async function benchW3c(base: string, databaseUrl: string, generated: BenchNotes, appPid: number): Promise<string[]> {
  const { cookie } = await signInOverHttp(base, READER_EMAIL, READER_PASSWORD);
  const lines: string[] = [];
  const minimal = (await getOk(`${base}${CONTAINER}?minimal=1`, cookie)) as { total: number; last: string };
  const lastPage = Number(new URL(minimal.last).searchParams.get("page"));
  const middle = Math.floor(lastPage / 2);
  // The middle page as a client reaches it: by the `next` link of the page before it (a keyset position).
  let link = `${CONTAINER}?page=0`;
  for (let page = 0; page < middle; page += 1) {
    const next = ((await getOk(`${base}${link}`, cookie)) as { next?: string }).next;
    if (!next) throw new Error(`page ${page} has no next link`);
    link = new URL(next).pathname + new URL(next).search;
  }
  const runs = 100;
  const get = (path: string) => () => getOk(`${base}${path}`, cookie);
  const first = await time("container", runs, get(CONTAINER));
  const mid = await time("middle", runs, get(link));
  const midByNumber = await time("middle by number", 30, get(`${CONTAINER}?page=${middle}`));
  const api = await time("api", runs, get(`/api/documents/${SLUG}/notes?limit=100`));
  lines.push(`W3C container, signed-in reader who may read ${minimal.total.toLocaleString("en")} annotations (${lastPage + 1} pages of 100; ${runs} sequential requests each; target p95 < 50 ms):`);
  lines.push(`  container with its first page embedded  p50 ${first.p50.toFixed(1)} ms, p95 ${first.p95.toFixed(1)} ms`);
  lines.push(`  middle page ${middle}, by its next link     p50 ${mid.p50.toFixed(1)} ms, p95 ${mid.p95.toFixed(1)} ms`);
  lines.push(`  middle page ${middle}, as ?page=${middle} (offset) p50 ${midByNumber.p50.toFixed(1)} ms, p95 ${midByNumber.p95.toFixed(1)} ms`);
  lines.push(`  notes JSON API, first 100 notes         p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The reader becomes the author of 10,000 of the generated notes and replies.
    await client.query(
      `UPDATE "Note" SET "authorId" = $1 WHERE id IN (SELECT id FROM "Note" WHERE "authorId" <> $1 AND "deletedAt" IS NULL ORDER BY id LIMIT 10000 - (SELECT count(*) FROM "Note" WHERE "authorId" = $1 AND "deletedAt" IS NULL))`,
      [generated.readerId],
    );
    const mine = await withPeakRss(appPid, () => download(`${base}/api/documents/${SLUG}/annotations.jsonld`, cookie));
    lines.push(
      `"download my notes", ${mine.result.total.toLocaleString("en")} annotations: ${mine.result.seconds.toFixed(1)} s, ${(mine.result.bytes / 1048576).toFixed(1)} MB; app RSS ${mine.beforeMb.toFixed(0)} MB before, peak ${mine.peakMb.toFixed(0)} MB  (targets < 10 s, < 300 MB)`,
    );
    await client.query(`UPDATE "Note" SET visibility = 'public', "groupId" = NULL, "moderationStatus" = 'approved', "threadStatus" = CASE WHEN "threadId" IS NULL THEN NULL ELSE 'approved'::"ModerationStatus" END, "queuedAt" = NULL WHERE "deletedAt" IS NULL`);
    const whole = await withPeakRss(appPid, () => download(`${base}/api/documents/${SLUG}/annotations.jsonld?scope=all`, cookie));
    lines.push(
      `whole-document export (scope=all), ${whole.result.total.toLocaleString("en")} annotations: ${whole.result.seconds.toFixed(1)} s, ${(whole.result.bytes / 1048576).toFixed(1)} MB; app RSS ${whole.beforeMb.toFixed(0)} MB before, peak ${whole.peakMb.toFixed(0)} MB  (targets < 10 s, < 300 MB)`,
    );
  } finally {
    await client.end();
  }
  return lines;
}
