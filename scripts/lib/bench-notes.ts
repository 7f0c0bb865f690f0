import { chromium } from "@playwright/test";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../../lib/auth/password/hash-password";
import { measureReanchoring } from "../../lib/anchoring/reanchor-notes";
import type { BenchNotes } from "./generate-bench-notes";
import { signInOverHttp } from "./sign-in-for-bench";
import { createPrismaClient, MAINTENANCE_TIMEOUTS } from "../../lib/db/create-prisma-client";
import { listNotes } from "../../lib/annotations/list-notes";
import { ZNoteListQuery } from "../../lib/annotations/note-schemas";
import { readFileSync } from "node:fs";
import { captureNotesSql } from "./capture-notes-sql";

const SLUG = "reply-to-stalin";
export const READER_EMAIL = "bench-reader@bench.marginalia";
export const READER_PASSWORD = "bench-reader-password-1928";

export type Timing = { name: string; p50: number; p95: number; samples: number };

function percentiles(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return { name, p50: at(0.5), p95: at(0.95), samples: sorted.length };
}

/** Sequential timings (one request at a time), after a warm-up, so HTTP and raw SQL are compared on equal terms. */
export async function time(name: string, runs: number, once: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 20; i += 1) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return percentiles(name, samples);
}

export async function getOk(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * The SQL the notes API's list query amounts to for a signed-in reader (visibility, filters, order, one page), with
 * the paragraph, author, group and index entry joined in: what a hand-written endpoint would send through pg.
 */
const RAW_LIST_SQL = `
  SELECT n.*, p."anchorId", u."displayName", g.name AS "groupName", r.name AS "entryName"
  FROM "Note" n
  JOIN "Paragraph" p ON p.id = n."paragraphId"
  JOIN "User" u ON u.id = n."authorId"
  LEFT JOIN "Group" g ON g.id = n."groupId"
  LEFT JOIN "ReferenceEntry" r ON r.id = n."referenceEntryId"
  WHERE n."documentId" = $1 AND n."threadId" IS NULL AND ($3::text IS NULL OR p."anchorId" = $3)
    AND ((n."deletedAt" IS NULL AND n."moderationStatus" = 'approved' AND n.visibility = 'public')
      OR (n."deletedAt" IS NULL AND n."moderationStatus" = 'approved' AND n.visibility = 'group'
          AND n."groupId" IN (SELECT "groupId" FROM "Membership" WHERE "userId" = $2))
      OR (n."deletedAt" IS NULL AND n."authorId" = $2))
  ORDER BY n."createdAt", n.id
  LIMIT 51`;

/** Gives the generated reader a password so the benchmark can sign in over HTTP like a browser. */
async function prepareReader(url: string, readerId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET email = $2, "passwordHash" = $3 WHERE id = $1`, [readerId, READER_EMAIL, await hashPassword(READER_PASSWORD)]);
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Document" WHERE slug = $1`, [SLUG]);
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

/** LCP, CLS, when the margin was laid out and when the highlights were drawn, from a cold load of the letter in Chromium. */
export async function measureReadingPage(url: string, executablePath: string) {
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const results: { lcp: number; lcpElement: string; cls: number; highlights: number; margin: number }[] = [];
    for (let run = 0; run < 3; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const state = { lcp: 0, lcpElement: "", cls: 0 };
        (window as unknown as { __vitals: typeof state }).__vitals = state;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
            state.lcp = entry.startTime;
            const element = entry.element;
            state.lcpElement = element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${element.className}` : "";
          }
        }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) state.cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.highlightsDrawnAt !== undefined, null, { timeout: 30_000 });
      await page.waitForTimeout(500);
      // A click ends LCP observation; read the figures first.
      const vitals = await page.evaluate(() => ({
        ...(window as unknown as { __vitals: { lcp: number; lcpElement: string; cls: number } }).__vitals,
        highlights: Number(document.documentElement.dataset.highlightsDrawnAt),
        // Set by the margin layout each time it runs; the first run (inline, before the first paint) is the one kept.
        margin: Number(document.documentElement.dataset.marginLaidOutFirstAt),
      }));
      results.push(vitals);
      await context.close();
    }
    const median = <K extends "lcp" | "cls" | "highlights" | "margin">(key: K) => [...results].sort((a, b) => a[key] - b[key])[1]![key];
    return { lcp: median("lcp"), cls: median("cls"), highlights: median("highlights"), margin: median("margin"), lcpElement: results[1]!.lcpElement };
  } finally {
    await browser.close();
  }
}

/** The annotations figures of issue #4, printed by npm run bench after the notes are generated. */
export async function benchNotes(base: string, databaseUrl: string, generated: BenchNotes, executablePath: string, sqlFile: string): Promise<string[]> {
  const documentId = await prepareReader(databaseUrl, generated.readerId);
  const { cookie } = await signInOverHttp(base, READER_EMAIL, READER_PASSWORD);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const lines: string[] = [];
  try {
    const runs = 200;
    const requests = { paragraph: { paragraph: "p9", limit: "50" }, first: { limit: "50" } };
    const apiUrl = (query: Record<string, string>) => `${base}/api/documents/${SLUG}/notes?${new URLSearchParams(query)}`;
    const bodies = Object.fromEntries(
      await Promise.all(Object.entries(requests).map(async ([name, query]) => [name, { query, body: JSON.stringify(await getOk(apiUrl(query), cookie)) }] as const)),
    );
    await captureNotesSql(databaseUrl, generated.readerId, SLUG, bodies, sqlFile);
    const captured = JSON.parse(readFileSync(sqlFile, "utf8")) as Record<string, { statements: { text: string; values: unknown[] }[] }>;
    const api = (name: keyof typeof requests) => () => getOk(apiUrl(requests[name]), cookie);
    const sameApp = (name: keyof typeof requests) => () => getOk(`${base}/api/bench/notes-sql?request=${name}`, cookie);
    const replay = (name: keyof typeof requests) => async () => {
      for (const statement of captured[name]!.statements) await pool.query({ text: statement.text, values: statement.values });
    };
    const raw = (paragraph: string | null) => () => pool.query(RAW_LIST_SQL, [documentId, generated.readerId, paragraph]);
    const measured = [
      { label: "one paragraph (p9)", name: "paragraph" as const, paragraph: "p9" },
      { label: "whole letter, first page", name: "first" as const, paragraph: null },
    ];
    const rows = [];
    for (const { label, name, paragraph } of measured) {
      rows.push({
        label,
        statements: captured[name]!.statements.length,
        api: await time("API", runs, api(name)),
        sameApp: await time("same SQL, pg, same app", runs, sameApp(name)),
        replay: await time("same SQL, pg, in process", runs, replay(name)),
        raw: await time("one hand-written query", runs, raw(paragraph)),
      });
    }
    // What any signed-in API request costs here before it reads a note: HTTP, Next's routing, one SELECT 1.
    const floor = await time("floor", runs, () => getOk(`${base}/api/health`, cookie));
    lines.push(`notes API vs the same SQL through pg (reader in ${generated.readerGroups} groups; ${runs} sequential requests each):`);
    lines.push(`  for scale: GET /api/health (HTTP + Next + SELECT 1) p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`);
    const ms = (timing: Timing) => `p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms`;
    const ratio = (over: Timing, under: Timing) => `${(over.p50 / under.p50).toFixed(1)}x / ${(over.p95 / under.p95).toFixed(1)}x`;
    for (const row of rows) {
      lines.push(`  ${row.label}: the API sends ${row.statements} statements`);
      lines.push(`    API (HTTP, Next, Prisma, policy, zod)                        ${ms(row.api)}`);
      lines.push(`    the same ${row.statements} statements through pg, served by the same app (/api/bench/notes-sql) ${ms(row.sameApp)}  → API ratio p50/p95 ${ratio(row.api, row.sameApp)}  (target ≤ 2x)`);
      lines.push(`    the same ${row.statements} statements through pg in this process (no HTTP)      ${ms(row.replay)}  → API ratio ${ratio(row.api, row.replay)}`);
      lines.push(`    one hand-written list query through pg in this process          ${ms(row.raw)}  → API ratio ${ratio(row.api, row.raw)}`);
    }
    // The same lists through the domain function in this process (Prisma, the policy on every row), without HTTP,
    // Next or the session check: what the data layer itself costs next to the raw SQL.
    const domain = createPrismaClient({ connectionString: databaseUrl, poolMax: 2, ...MAINTENANCE_TIMEOUTS });
    const reader = { kind: "user" as const, id: generated.readerId, siteRole: "researcher" as const };
    const viaDomain = async (query: Record<string, unknown>) =>
      time("domain", runs, () => listNotes(domain, reader as never, SLUG, ZNoteListQuery.parse({ limit: 50, ...query })));
    const domainPairs = [await viaDomain({ paragraph: "p9" }), await viaDomain({})];
    await domain.$disconnect();
    for (const [index, row] of rows.entries()) {
      const viaLib = domainPairs[index]!;
      lines.push(`  ${row.label}: listNotes alone (Prisma, the policy, in process, no session check) ${ms(viaLib)}  → ratio to the in-process statements ${ratio(viaLib, row.replay)}`);
    }
    const search = (query: string) => () => getOk(`${base}/api/documents/${SLUG}/search?${query}`, cookie);
    lines.push("search through the API (signed-in reader; target p95 < 50 ms):");
    for (const [label, query] of [
      ["rare term", "q=zinovievite"],
      ["common term", "q=opposition"],
      ["common term + type filter", "q=opposition&referenceType=person"],
    ] as const) {
      const timing = await time(label, 100, search(query));
      lines.push(`  ${label.padEnd(26)} p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms`);
    }
    const vitals = await measureReadingPage(`${base}/letters/${SLUG}`, executablePath);
    lines.push(
      `reading page, anonymous reader with ${Math.round((generated.notes * 0.6) / 1000)}k visible notes (median of 3 cold loads): LCP ${vitals.lcp.toFixed(0)} ms (${vitals.lcpElement}), CLS ${vitals.cls.toFixed(3)}, margin laid out at ${vitals.margin.toFixed(0)} ms, highlights drawn at ${vitals.highlights.toFixed(0)} ms  (targets: LCP < 1000, CLS < 0.02, margin < 1500, highlights < 1500)`,
    );
  } finally {
    await pool.end();
  }
  const reanchor = measureReanchoring({ noteCount: 1000 });
  lines.push(`re-anchoring 1,000 notes against a corrected 200-word paragraph (pure, no writes): ${reanchor.toFixed(1)} ms  (target < 100 ms)`);
  return lines;
}
