import { prisma } from "@/lib/db/prisma";
import { documentData, documentTextRevision, ZDocumentData } from "@/lib/documents/document-data";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { ifNoneMatchHolds } from "@/lib/w3c/protocol-headers";

/** The document's facts and every block exactly as stored; ETag on its text revision, 304 for a matching If-None-Match. */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const revision = await documentTextRevision(prisma(), slug);
  const headers = { ETag: `"text-${revision}"`, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (ifNoneMatchHolds(request.headers.get("if-none-match"), headers.ETag)) return new Response(null, { status: 304, headers });
  const data = await documentData(prisma(), slug);
  // Read after the revision: a correction in between makes the ETag name the newer text.
  return jsonResponse(ZDocumentData, data, { headers: { ...headers, ETag: `"text-${data.textRevision}"` } });
});
