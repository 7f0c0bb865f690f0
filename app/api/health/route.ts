import { NextResponse } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";
import { checkDatabase } from "@/lib/health/check-database";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkDatabase();
  if (health.db !== "ok") log.warn("health.db_unavailable", { reason: health.reason });
  return NextResponse.json(
    health.db === "ok" ? { status: "ok", db: "ok" } : { status: "unavailable", db: "unavailable" },
    {
      status: health.db === "ok" ? 200 : 503,
      headers: { "Cache-Control": "no-store", ...(health.db === "ok" ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) },
    },
  );
}
