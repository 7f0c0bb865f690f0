import { readFile } from "node:fs/promises";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

let bytes: Buffer | undefined;

/**
 * For `npm run bench` only: the reading page's bytes, sent through the same proxy and server without touching
 * the database, as the baseline the page is measured against. Absent (404) unless BENCH_PAGE_FILE is set.
 */
export async function GET() {
  const file = serverEnv().BENCH_PAGE_FILE;
  if (!file) return new Response("Not found", { status: 404 });
  bytes ??= await readFile(file);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
