import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { publicOrigin } from "@/lib/http/public-origin";
import { readTextBody } from "@/lib/http/read-text-body";
import { importAnnotations } from "@/lib/imports/import-operations";
import { MAX_IMPORT_BYTES } from "@/lib/imports/import-item";
import { ZImportQuery, ZImportReport } from "@/lib/imports/import-schemas";
import { countedWrite } from "@/lib/rate-limit/limit-writes";
import { ANNOTATION_BODY_TYPES } from "@/lib/w3c/protocol-writer";

/**
 * Imports a file of annotations (W3C, Marginalia's own export, Hypothesis, Recogito Studio) sent as the body; with
 * dryRun=1 only says where each would land. An import counts as one write against the writer's rate limit.
 */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const query = ZImportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await currentActor();
  const text = await readTextBody(request, MAX_IMPORT_BYTES, ANNOTATION_BODY_TYPES);
  const run = () => importAnnotations(prisma(), actor, slug, text, query, publicOrigin());
  const report = query.dryRun === "1" ? await run() : await countedWrite(actor, run);
  return jsonResponse(ZImportReport, report, { headers: { "Cache-Control": "no-store" } });
});
