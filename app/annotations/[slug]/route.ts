import { prisma } from "@/lib/db/prisma";
import { publicOrigin } from "@/lib/http/public-origin";
import { readJsonBody } from "@/lib/http/read-json-body";
import { z } from "zod";
import { createAnnotation } from "@/lib/w3c/annotation-writes";
import { annotationResponse } from "@/lib/w3c/annotation-response";
import { ACCEPT_POST, CONTAINER_ALLOW } from "@/lib/w3c/container-representation";
import { containerResponse } from "@/lib/w3c/container-response";
import { ANNOTATION_BODY_TYPES, protocolWriter } from "@/lib/w3c/protocol-writer";
import { protocolActor } from "@/lib/w3c/protocol-actor";
import { protocolRoute } from "@/lib/w3c/protocol-route";

type Context = { params: Promise<{ slug: string }> };

/** The W3C Web Annotation Protocol container of a document (§4): GET/HEAD list, POST creates, OPTIONS describes. */
export const GET = protocolRoute(CONTAINER_ALLOW, async (request, { params }: Context) => {
  const { slug } = await params;
  return containerResponse(prisma(), await protocolActor(request), slug, request, publicOrigin());
});
export const HEAD = GET;
export const OPTIONS = protocolRoute(CONTAINER_ALLOW, async () => new Response(null), { "Accept-Post": ACCEPT_POST });

export const POST = protocolRoute(CONTAINER_ALLOW, async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await protocolWriter(request);
  const json = await readJsonBody(request, z.unknown(), undefined, ANNOTATION_BODY_TYPES);
  // The note and reply operations count it against the writer's rate limit.
  const created = await createAnnotation(prisma(), actor, slug, json, publicOrigin());
  return annotationResponse(request, created, { status: 201, location: true });
});
