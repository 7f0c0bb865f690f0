import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { downloadHeaders } from "@/lib/http/download-headers";
import { publicOrigin } from "@/lib/http/public-origin";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { pieceStream } from "@/lib/http/piece-stream";
import { teiDocument } from "@/lib/tei/tei-export";
import { isSharedChoice, ZNotesChoiceQuery } from "@/lib/export/notes-choice";

/**
 * The edition as one TEI P5 document (it validates against tei_all.rng), with the annotations chosen by
 * ?notes=none|mine|public|group:<id> (default public) in its standOff, streamed.
 */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { notes } = ZNotesChoiceQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const pieces = teiDocument(prisma(), await currentRequestContext(), slug, notes, publicOrigin());
  // Every refusal (404, 401, the group's 404) comes before the first piece: an answer, not a cut file.
  const body = await pieceStream(pieces);
  return new Response(body, { headers: downloadHeaders("application/tei+xml; charset=utf-8", `${slug}.tei.xml`, isSharedChoice(notes)) });
});
