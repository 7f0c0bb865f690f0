import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { documentRefOf } from "@/lib/documents/document-ref";
import { apiRoute } from "@/lib/http/api-route";
import { publicOrigin } from "@/lib/http/public-origin";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { exportAnnotations, type ExportScope } from "@/lib/w3c/annotation-export";
import { pieceStream } from "@/lib/http/piece-stream";
import { downloadHeaders } from "@/lib/http/download-headers";
import { LD_JSON_CONTENT_TYPE } from "@/lib/w3c/protocol-headers";

const ZExportQuery = z
  .strictObject({
    group: z.uuid("Not a group id").optional(),
    /** scope=all: every note and reply the reader may read on the document (the container in one file). */
    scope: z.enum(["mine", "all"], "The scope is mine or all").default("mine"),
  })
  .refine((query) => !(query.group && query.scope === "all"), { message: "Choose a group or scope=all, not both", path: ["scope"] });

/**
 * "Download my notes": everything the reader wrote on the document (private ones included), or with ?group=<id> a
 * group's notes for its members, or with ?scope=all every note the reader may read, as one W3C
 * AnnotationCollection, streamed.
 */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const query = ZExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope: ExportScope = query.group ? { kind: "group", groupId: query.group } : query.scope === "all" ? { kind: "readable" } : { kind: "mine" };
  const [ctx, document] = await Promise.all([currentRequestContext(), documentRefOf(prisma(), slug)]);
  const label = scope.kind === "group" ? "A group's notes" : scope.kind === "readable" ? "The notes I may read" : "My notes";
  const pieces = exportAnnotations(prisma(), ctx, document, scope, publicOrigin(), label);
  const date = new Date().toISOString().slice(0, 10);
  const name = `marginalia-${document.slug}-${scope.kind === "group" ? "group" : scope.kind === "readable" ? "all" : "my"}-notes-${date}.jsonld`;
  // The head (and so every refusal: 401, 404) comes before the response starts.
  const body = await pieceStream(pieces);
  return new Response(body, { headers: downloadHeaders(LD_JSON_CONTENT_TYPE, name, false) });
});
