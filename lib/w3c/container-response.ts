import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import type { Reader } from "../request/request-context";
import { ANNOTATION_PAGE_SIZE, annotationCollectionFacts, annotationPage } from "./annotation-queries";
import { containerIri } from "./annotation-iris";
import {
  ACCEPT_POST,
  CONTAINER_ALLOW,
  CONTAINER_LINK,
  annotationPageBody,
  containerBody,
  etagOf,
  type Representation,
} from "./container-representation";
import { contentTypeFor, negotiateMediaType, parsePrefer } from "./protocol-headers";

const LABEL = "Annotations on this document";

/** The query string picks a representation (each has its own IRI); without one, the Prefer header does. */
function representationOf(url: URL, prefer: string | null): { representation: Representation; page: number | null } {
  const known = new Set(["iris", "minimal", "page"]);
  for (const key of url.searchParams.keys()) {
    if (!known.has(key)) throw new AppError("bad_request", `Unknown query parameter ${key}`, { fields: { [key]: ["Not a parameter of the container"] } });
  }
  const flag = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null) return null;
    if (value !== "0" && value !== "1") throw new AppError("bad_request", `${name} is 0 or 1`, { fields: { [name]: ["0 or 1"] } });
    return value === "1";
  };
  const preferred = parsePrefer(prefer);
  const pageText = url.searchParams.get("page");
  if (pageText !== null && !/^\d{1,7}$/.test(pageText)) throw new AppError("bad_request", "page is a whole number from 0", { fields: { page: ["A whole number from 0"] } });
  return {
    representation: { iris: flag("iris") ?? preferred.iris, minimal: flag("minimal") ?? preferred.minimal },
    page: pageText === null ? null : Number(pageText),
  };
}

/**
 * GET/HEAD on the container or one of its pages: the annotations this reader may read, as the protocol shapes
 * them, with the headers §4 asks for. `If-None-Match` with the current tag answers 304.
 */
export async function containerResponse(prisma: PrismaClient, who: Reader, slug: string, request: Request, origin: string): Promise<Response> {
  const type = negotiateMediaType(request.headers.get("accept"));
  if (!type) throw new AppError("not_acceptable", "The container speaks application/ld+json (or application/json)");
  const url = new URL(request.url);
  const { representation, page } = representationOf(url, request.headers.get("prefer"));
  const facts = await annotationCollectionFacts(prisma, who, slug);
  const container = containerIri(origin, facts.document.slug);
  if (page !== null && page > facts.lastPage) throw notFound("No such page");
  const shown = page ?? 0;
  const needsItems = page !== null || !representation.minimal;
  const annotations = needsItems && facts.total > 0 ? await annotationPage(prisma, who, facts.document, shown, origin) : [];
  const items = representation.iris ? annotations.map((annotation) => annotation.id) : annotations;
  const pageInput = { container, iris: representation.iris, page: shown, lastPage: facts.lastPage, pageSize: ANNOTATION_PAGE_SIZE, items };
  const body =
    page !== null
      ? annotationPageBody({ ...pageInput, total: facts.total, label: LABEL })
      : containerBody({ container, representation, total: facts.total, lastPage: facts.lastPage, label: LABEL, firstPage: pageInput });
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const headers: Record<string, string> = {
    "Content-Type": contentTypeFor(type),
    ETag: etag,
    Vary: "Accept, Prefer, Authorization, Cookie",
    "Content-Location": body.id,
    // What a reader may see depends on who asks: never stored by shared caches, always revalidated.
    "Cache-Control": "private, no-cache",
  };
  if (page === null) Object.assign(headers, { Link: CONTAINER_LINK, Allow: CONTAINER_ALLOW, "Accept-Post": ACCEPT_POST });
  else headers.Allow = "GET, HEAD, OPTIONS";
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : text, { status: 200, headers });
}
