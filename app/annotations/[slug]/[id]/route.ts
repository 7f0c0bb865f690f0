import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { publicOrigin } from "@/lib/http/public-origin";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getAnnotation } from "@/lib/w3c/annotation-queries";
import { annotationResponse } from "@/lib/w3c/annotation-response";
import { deleteAnnotation, replaceAnnotation } from "@/lib/w3c/annotation-writes";
import { ANNOTATION_ALLOW } from "@/lib/w3c/container-representation";
import { protocolActor } from "@/lib/w3c/protocol-actor";
import { protocolRoute } from "@/lib/w3c/protocol-route";
import { ANNOTATION_BODY_TYPES, protocolWriter } from "@/lib/w3c/protocol-writer";

type Context = { params: Promise<{ slug: string; id: string }> };

/** One annotation of the W3C protocol (§4.1, §5.2–5.3). */
export const GET = protocolRoute(ANNOTATION_ALLOW, async (request, { params }: Context) => {
  const { slug, id } = await params;
  return annotationResponse(request, await getAnnotation(prisma(), await protocolActor(request), slug, id, publicOrigin()));
});
export const HEAD = GET;
export const OPTIONS = protocolRoute(ANNOTATION_ALLOW, async () => new Response(null));

export const PUT = protocolRoute(ANNOTATION_ALLOW, async (request, { params }: Context) => {
  const { slug, id } = await params;
  const actor = await protocolWriter(request);
  const json = await readJsonBody(request, z.unknown(), undefined, ANNOTATION_BODY_TYPES);
  const replaced = await replaceAnnotation(prisma(), actor, slug, id, json, request.headers.get("if-match"), publicOrigin());
  return annotationResponse(request, replaced);
});

/** No body and no Content-Type needed. */
export const DELETE = protocolRoute(ANNOTATION_ALLOW, async (request, { params }: Context) => {
  const { slug, id } = await params;
  const actor = await protocolWriter(request);
  await deleteAnnotation(prisma(), actor, slug, id, request.headers.get("if-match"), publicOrigin());
  return new Response(null, { status: 204 });
});
