import { ANNOTATION_ALLOW, RESOURCE_LINK } from "./container-representation";
import { contentTypeFor, ifNoneMatchHolds, negotiateMediaType } from "./protocol-headers";
import { AppError } from "../errors/app-error";

/** One annotation with the headers §4.1 asks for (its own @context is in the body). */
export function annotationResponse(
  request: Request,
  found: { annotation: { id: string }; etag: string },
  options: { status?: number; location?: boolean } = {},
): Response {
  const type = negotiateMediaType(request.headers.get("accept"));
  if (!type) throw new AppError("not_acceptable", "Annotations are served as application/ld+json (or application/json)");
  const headers: Record<string, string> = {
    "Content-Type": contentTypeFor(type),
    ETag: found.etag,
    Link: RESOURCE_LINK,
    Allow: ANNOTATION_ALLOW,
    Vary: "Accept, Authorization, Cookie",
    "Cache-Control": "private, no-cache",
  };
  if (options.location) Object.assign(headers, { Location: found.annotation.id, "Content-Location": found.annotation.id });
  const reading = request.method === "GET" || request.method === "HEAD";
  if (reading && ifNoneMatchHolds(request.headers.get("if-none-match"), found.etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : JSON.stringify(found.annotation), { status: options.status ?? 200, headers });
}
