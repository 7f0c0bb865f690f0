import { prisma } from "@/lib/db/prisma";
import { EXPORT_ANNOTATIONS } from "@/lib/documents/document-endpoints";
import { documentRefOf } from "@/lib/documents/document-ref";
import { downloadHeaders } from "@/lib/http/download-headers";
import { endpoint } from "@/lib/http/endpoint";
import { pieceStream } from "@/lib/http/piece-stream";
import { publicOrigin } from "@/lib/http/public-origin";
import { loadRequestContext } from "@/lib/request/request-context";
import { exportAnnotations, type ExportScope } from "@/lib/w3c/annotation-export";
import { LD_JSON_CONTENT_TYPE } from "@/lib/w3c/protocol-headers";

/**
 * "Download my notes": everything the reader wrote on the document (private ones included), or with ?group=<id> a
 * group's notes for its members, or with ?scope=all every note the reader may read, as one W3C
 * AnnotationCollection, streamed (JSON-LD, which the contract describes but zod does not check piece by piece).
 */
export const GET = endpoint(EXPORT_ANNOTATIONS, async ({ actor, params, query }) => {
  const scope: ExportScope = query.group ? { kind: "group", groupId: query.group } : query.scope === "all" ? { kind: "readable" } : { kind: "mine" };
  const [ctx, document] = await Promise.all([loadRequestContext(prisma(), actor), documentRefOf(prisma(), params.slug)]);
  const label = scope.kind === "group" ? "A group's notes" : scope.kind === "readable" ? "The notes I may read" : "My notes";
  const pieces = exportAnnotations(prisma(), ctx, document, scope, publicOrigin(), label);
  const date = new Date().toISOString().slice(0, 10);
  const name = `marginalia-${document.slug}-${scope.kind === "group" ? "group" : scope.kind === "readable" ? "all" : "my"}-notes-${date}.jsonld`;
  // The head (and so every refusal: 401, 404) comes before the response starts.
  const body = await pieceStream(pieces);
  return new Response(body, { headers: downloadHeaders(LD_JSON_CONTENT_TYPE, name, false) });
});
