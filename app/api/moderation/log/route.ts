import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { listModerationLog, moderationLogCsv } from "@/lib/moderation/log-queries";
import { ZModerationLogPage, ZModerationLogQuery } from "@/lib/moderation/log-view";

/**
 * The moderation log the actor may read, newest first: GET /api/moderation/log?action=&actor=&from=&to=&cursor=&limit=
 * as JSON pages, or with format=csv every matching record as a CSV download (streamed in batches).
 */
export const GET = apiRoute(async (request) => {
  const query = ZModerationLogQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await currentActor();
  if (query.format === "json") {
    return jsonResponse(ZModerationLogPage, await listModerationLog(prisma(), actor, query), { headers: { "Cache-Control": "private, no-store" } });
  }
  const lines = await moderationLogCsv(prisma(), actor, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const filename = `moderation-log-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
