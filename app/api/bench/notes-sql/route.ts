import { readFile } from "node:fs/promises";
import pg from "pg";
import { BENCH_NOTES_SQL } from "@/lib/documents/document-endpoints";
import { serverEnv } from "@/lib/env";
import { notFound } from "@/lib/errors/app-error";
import { endpoint } from "@/lib/http/endpoint";

export const dynamic = "force-dynamic";

type Captured = Record<string, { statements: { text: string; values: unknown[] }[]; body: string }>;

let captured: Captured | undefined;
let pool: pg.Pool | undefined;

/**
 * For `npm run bench` only: the notes API's baseline. It sends the very statements one notes API request sent
 * (captured by the bench: the session check, the reader's context, the list, with their values) through pg, one
 * after another as the API does, and answers the API's response body — so the same routing and HTTP as the API (no proxy, as for /api) serve
 * the same SQL and the same bytes, and the ratio is what Prisma, the policy and the schemas cost. The bytes are sent
 * as captured (they went through the notes API's schema when it answered them): checking them again would add to
 * the baseline what it is there to measure. Absent (404) unless BENCH_SQL_FILE is set.
 */
export const GET = endpoint(BENCH_NOTES_SQL, async ({ query }) => {
  const env = serverEnv();
  if (!env.BENCH_SQL_FILE || !env.DATABASE_URL) throw notFound();
  captured ??= JSON.parse(await readFile(env.BENCH_SQL_FILE, "utf8")) as Captured;
  pool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
  const entry = query.request && Object.hasOwn(captured, query.request) ? captured[query.request] : undefined;
  if (!entry) throw notFound();
  for (const statement of entry.statements) await pool.query({ text: statement.text, values: statement.values as unknown[] });
  return new Response(entry.body, { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
});
