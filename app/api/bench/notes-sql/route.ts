import { readFile } from "node:fs/promises";
import pg from "pg";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

type Captured = Record<string, { statements: { text: string; values: unknown[] }[]; body: string }>;

let captured: Captured | undefined;
let pool: pg.Pool | undefined;

/**
 * For `npm run bench` only: the notes API's baseline. It sends the very statements one notes API request sent
 * (captured by the bench: the session check, the reader's context, the list, with their values) through pg, one
 * after another as the API does, and answers the API's response body — so the same routing and HTTP as the API (no proxy, as for /api) serve
 * the same SQL and the same bytes, and the ratio is what Prisma, the policy and the schemas cost. Absent (404)
 * unless BENCH_SQL_FILE is set.
 */
export async function GET(request: Request) {
  const env = serverEnv();
  if (!env.BENCH_SQL_FILE || !env.DATABASE_URL) return new Response("Not found", { status: 404 });
  captured ??= JSON.parse(await readFile(env.BENCH_SQL_FILE, "utf8")) as Captured;
  pool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
  const entry = captured[new URL(request.url).searchParams.get("request") ?? ""];
  if (!entry) return new Response("Not found", { status: 404 });
  for (const statement of entry.statements) await pool.query({ text: statement.text, values: statement.values as unknown[] });
  return new Response(entry.body, { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
}
