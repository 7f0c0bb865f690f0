import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { listModerationLog, moderationLogCsv } from "@/lib/moderation/log-queries";
import { GET_MODERATION_LOG } from "@/lib/moderation/moderation-endpoints";

/**
 * JSON pages, or with format=csv every matching record as a CSV download, streamed in batches (a Response of its
 * own: CSV is described by the contract, not checked by zod).
 */
export const GET = endpoint(GET_MODERATION_LOG, async ({ actor, query }) => {
  if (query.format === "json") {
    return { status: 200, body: await listModerationLog(prisma(), actor, query), headers: { "Cache-Control": "private, no-store" } };
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
