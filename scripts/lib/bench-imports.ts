import pg from "pg";
import { performance } from "node:perf_hooks";
import { READER_EMAIL, READER_PASSWORD } from "./bench-notes";
import { withPeakRss } from "./process-memory";
import { signInOverHttp } from "./sign-in-for-bench";

const SLUG = "reply-to-stalin";

/**
 * A Hypothesis-style W3C file of `count` annotations on the letter: each quotes 3–8 words of a real paragraph (so
 * most anchor exactly), every 50th is slightly mistyped (placed approximately) and every 100th quotes nothing of the
 * letter (orphaned).
 */
async function benchFile(databaseUrl: string, origin: string, count: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ text: string }>(
    `SELECT p.text FROM "Paragraph" p JOIN "Document" d ON d.id = p."documentId" WHERE d.slug = $1 AND p."anchorId" LIKE 'p%' ORDER BY p.ordinal`,
    [SLUG],
  );
  await client.end();
  const items = Array.from({ length: count }, (_, index) => {
    const words = rows[index % rows.length]!.text.split(" ");
    const from = (index * 7) % Math.max(1, words.length - 8);
    let exact = words.slice(from, from + 3 + (index % 6)).join(" ");
    if (index % 50 === 49) exact = exact.replace(/[aeiou]/, "x");
    if (index % 100 === 99) exact = `no such words in the letter ${index}`;
    return {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `https://annotations.example.org/bench/${index}`,
      type: "Annotation",
      created: "2025-06-01T12:00:00Z",
      creator: { id: "https://annotations.example.org/people/ada", name: "Ada" },
      body: [
        { type: "TextualBody", value: `Bench annotation ${index} on *${exact.slice(0, 20)}*.`, format: "text/markdown", purpose: "commenting" },
        { type: "TextualBody", value: `tag-${index % 10}`, purpose: "tagging" },
      ],
      target: { source: `${origin}/letters/${SLUG}`, selector: { type: "TextQuoteSelector", exact } },
    };
  });
  return JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: count, first: { type: "AnnotationPage", items } });
}

/** Issue #15's figures: preview and import of 10,000 annotations (private, so no review), with the app's memory. */
export async function benchImports(base: string, databaseUrl: string, appPid: number, count = 10_000): Promise<string[]> {
  const { cookie } = await signInOverHttp(base, READER_EMAIL, READER_PASSWORD);
  const file = await benchFile(databaseUrl, base, count);
  const post = async (dryRun: boolean) => {
    const started = performance.now();
    const response = await fetch(`${base}/api/documents/${SLUG}/imports?dryRun=${dryRun ? 1 : 0}&visibility=private`, {
      method: "POST",
      headers: { cookie, Origin: base, "Content-Type": "application/ld+json" },
      body: file,
    });
    const report = (await response.json()) as { counts?: Record<string, number>; message?: string };
    if (!response.ok) throw new Error(`import: HTTP ${response.status} ${report.message}`);
    return { seconds: (performance.now() - started) / 1000, counts: report.counts! };
  };
  const preview = await withPeakRss(appPid, () => post(true));
  const imported = await withPeakRss(appPid, () => post(false));
  const counts = Object.entries(imported.result.counts).map(([status, n]) => `${n} ${status}`).join(", ");
  return [
    `import of ${count.toLocaleString("en")} annotations (${(Buffer.byteLength(file) / 1048576).toFixed(1)} MB, W3C, private): preview ${preview.result.seconds.toFixed(1)} s, import ${imported.result.seconds.toFixed(1)} s, together ${(preview.result.seconds + imported.result.seconds).toFixed(1)} s (target < 30 s); ${counts}`,
    `  app RSS during the preview: ${preview.beforeMb.toFixed(0)} MB before, peak ${preview.peakMb.toFixed(0)} MB; during the import: peak ${imported.peakMb.toFixed(0)} MB`,
  ];
}
