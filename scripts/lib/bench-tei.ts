import pg from "pg";
import { performance } from "node:perf_hooks";
import { withPeakRss } from "./process-memory";

const SLUG = "reply-to-stalin";
const PUBLIC_NOTES = 10_000;

/** Reads the TEI to its end as a client saving it would, counting bytes and <annotation> elements (nothing kept). */
async function downloadTei(url: string): Promise<{ seconds: number; bytes: number; annotations: number }> {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let bytes = 0;
  let annotations = 0;
  let tail = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    const text = tail + decoder.decode(chunk, { stream: true });
    annotations += text.split("<annotation ").length - 1;
    // An element name split between two chunks is counted in the next one, never twice.
    const cut = text.lastIndexOf("<");
    tail = cut >= 0 && text.length - cut < 12 && !text.slice(cut).startsWith("<annotation ") ? text.slice(cut) : "";
  }
  return { seconds: (performance.now() - started) / 1000, bytes, annotations };
}

/**
 * Issue #16's figure: the TEI of the letter with 10,000 public annotations, streamed from the app, with the app's
 * peak memory. Run after the W3C figures (which make every generated note public): it leaves 10,000 notes without
 * replies public and approved and makes the rest private, so the public TEI holds exactly those.
 */
export async function benchTei(base: string, databaseUrl: string, appPid: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "Note" SET visibility = 'private', "groupId" = NULL WHERE visibility <> 'private'`);
    await client.query(
      `UPDATE "Note" SET visibility = 'public', "moderationStatus" = 'approved' WHERE id IN (
         SELECT id FROM "Note" WHERE "threadId" IS NULL AND "replyCount" = 0 AND "deletedAt" IS NULL AND "assignmentId" IS NULL ORDER BY id LIMIT $1)`,
      [PUBLIC_NOTES],
    );
  } finally {
    await client.end();
  }
  const tei = await withPeakRss(appPid, () => downloadTei(`${base}/letters/${SLUG}/tei.xml`));
  return [
    // The target is the export's memory (what streaming bounds), i.e. the peak over the app at rest; the app process
    // itself already holds ~220-250 MB at rest (Next, React, Prisma's query compiler), printed beside it.
    `TEI P5 of the letter with ${tei.result.annotations.toLocaleString("en")} public annotations: ${tei.result.seconds.toFixed(1)} s, ${(tei.result.bytes / 1048576).toFixed(1)} MB; export's peak memory +${(tei.peakMb - tei.beforeMb).toFixed(0)} MB over the app at rest (app RSS ${tei.beforeMb.toFixed(0)} MB before, peak ${tei.peakMb.toFixed(0)} MB)  (targets < 3 s, < 200 MB)`,
  ];
}
