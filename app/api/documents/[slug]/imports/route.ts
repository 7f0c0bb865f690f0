import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { publicOrigin } from "@/lib/http/public-origin";
import { readTextBody } from "@/lib/http/read-text-body";
import { IMPORT_ANNOTATIONS } from "@/lib/imports/import-endpoints";
import { previewImport, runImport } from "@/lib/imports/import-operations";
import { ANNOTATION_BODY_TYPES } from "@/lib/w3c/protocol-writer";

/**
 * The file is the body, read here as text rather than by the binding: the import measures its size and nesting
 * before JSON.parse (lib/imports/read-import-json.ts), so that no file can recurse out of the stack. The contract
 * describes it; the binding leaves it to the handler.
 */
const BINDING = { ...IMPORT_ANNOTATIONS, body: undefined };

/** dryRun=1 previews (nothing written, nothing counted); otherwise the import, one write against the rate limit. */
export const POST = endpoint(BINDING, async ({ request, actor, params, query }) => {
  const file = await readTextBody(request, IMPORT_ANNOTATIONS.body.maxBytes, ANNOTATION_BODY_TYPES);
  const { dryRun, ...choices } = query;
  const input = { ...choices, slug: params.slug, file, origin: publicOrigin() };
  const report = dryRun === "1" ? await previewImport(prisma(), actor, input) : await runImport(prisma(), actor, input);
  return { status: 200, body: report, headers: { "Cache-Control": "no-store" } };
});
