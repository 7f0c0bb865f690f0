import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";
import { checkDatabase } from "@/lib/health/check-database";
import { GET_HEALTH } from "@/lib/health/health-endpoints";
import { endpoint } from "@/lib/http/endpoint";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const NEVER_CACHED: Record<string, string> = { "Cache-Control": "no-store" };

export const GET = endpoint(GET_HEALTH, async () => {
  const health = await checkDatabase();
  if (health.db === "ok") return { status: 200, body: { status: "ok", db: "ok" } as const, headers: NEVER_CACHED };
  log.warn("health.db_unavailable", { reason: health.reason });
  return {
    status: 503,
    body: { status: "unavailable", db: "unavailable" } as const,
    headers: { ...NEVER_CACHED, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  };
});
