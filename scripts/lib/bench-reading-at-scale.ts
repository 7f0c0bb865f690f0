import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, MAINTENANCE_TIMEOUTS } from "../../lib/db/create-prisma-client";
import { rerenderNoteBodies } from "../../lib/markdown/rerender-note-bodies";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";
import { generateBenchNotes } from "./generate-bench-notes";
import { loadTest, type LoadResult } from "./load-test";
import { createScratchDatabase } from "./scratch-database";
import { seedDatabase } from "./seed";
import { serveForBench } from "./serve-for-bench";
import { signInOverHttp } from "./sign-in-for-bench";

const PAGE = "/letters/reply-to-stalin";

/**
 * The reading page on its own scratch database with about 10,000 notes an anonymous reader may see (the demo data
 * plus generated notes, their HTML stored as npm start would): anonymous and signed in, beside the same bytes from the
 * same app without the database. Answers the visible count and the rows to print.
 */
export async function benchReadingAtScale(serverUrl: string | undefined, seconds: number, format: (result: LoadResult) => string): Promise<string[]> {
  const database = await createScratchDatabase("mbench10k", serverUrl);
  try {
    await seedDatabase(database.url, { demo: true });
    // The generator makes about 60 % of its notes public and approved.
    await generateBenchNotes(database.url, { notes: 16_700, replies: 2_000, users: 60, groups: 6 });
    const prisma = createPrismaClient({ connectionString: database.url, poolMax: 2, ...MAINTENANCE_TIMEOUTS });
    try {
      await rerenderNoteBodies(prisma);
    } finally {
      await prisma.$disconnect();
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Note" WHERE visibility = 'public' AND "moderationStatus" = 'approved' AND "deletedAt" IS NULL AND "threadId" IS NULL`,
    );
    await client.end();
    const pageFile = path.resolve("tmp", "bench", "reading-page-10k.html");
    mkdirSync(path.dirname(pageFile), { recursive: true });
    const app = await serveForBench(database.url, { BENCH_PAGE_FILE: pageFile });
    try {
      writeFileSync(pageFile, Buffer.from(await (await fetch(`${app.base}${PAGE}`)).arrayBuffer()));
      const { cookie } = await signInOverHttp(app.base, "researcher@demo.marginalia", DEMO_PASSWORD);
      const results = [
        await loadTest(`reading page, anonymous`, `${app.base}${PAGE}`, seconds),
        await loadTest(`reading page, signed in`, `${app.base}${PAGE}`, seconds, { cookie }),
        await loadTest(`same bytes, same app, no database`, `${app.base}/bench/page-bytes`, seconds),
        await loadTest(`GET /api/health`, `${app.base}/api/health`, seconds),
      ];
      return [`${rows[0].n} notes visible to an anonymous reader (the margin shows the first 5 of each paragraph)`, ...results.map(format)];
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}
