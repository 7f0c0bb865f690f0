import { prisma } from "@/lib/db/prisma";
import { documentData, documentTextRevision } from "@/lib/documents/document-data";
import { GET_DOCUMENT } from "@/lib/documents/document-endpoints";
import { endpoint } from "@/lib/http/endpoint";
import { ifNoneMatchHolds } from "@/lib/w3c/protocol-headers";

/** ETag on the text revision, read alone first: a matching If-None-Match is answered 304 without reading the blocks. */
export const GET = endpoint(GET_DOCUMENT, async ({ request, params }) => {
  const revision = await documentTextRevision(prisma(), params.slug);
  const headers = { ETag: `"text-${revision}"`, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (ifNoneMatchHolds(request.headers.get("if-none-match"), headers.ETag)) return { status: 304, headers };
  const data = await documentData(prisma(), params.slug);
  // Read after the revision: a correction in between makes the ETag name the newer text.
  return { status: 200, body: data, headers: { ...headers, ETag: `"text-${data.textRevision}"` } };
});
