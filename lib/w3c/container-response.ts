import type { PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { decodeCursor, encodeCursor } from "../annotations/note-cursor";
import type { Reader } from "../request/request-context";
import type { PagePosition } from "./annotation-ids";
import { ANNOTATION_PAGE_SIZE, annotationPage, collectionContext, lastPageOf, type AnnotationPageRead } from "./annotation-queries";
import { countReadable } from "./annotation-ids";
import { containerIri } from "./annotation-iris";
import {
  ACCEPT_POST,
  CONTAINER_ALLOW,
  CONTAINER_LINK,
  annotationPageBody,
  collectionIri,
  containerBody,
  etagOf,
  pageIri,
  type PageInput,
  type Representation,
} from "./container-representation";
import { contentTypeFor, ifNoneMatchHolds, negotiateMediaType, parsePrefer } from "./protocol-headers";

const LABEL = "Annotations on this document";
const KNOWN = new Set(["iris", "minimal", "page", "after", "before", "last"]);

type Request_ = { representation: Representation; page: number | null; position: PagePosition | null };

const bad = (field: string, message: string) => new AppError("bad_request", message, { fields: { [field]: [message] } });

/** The query string picks a representation (each has its own IRI); without one, the Prefer header does. */
function readQuery(url: URL, prefer: string | null): Request_ {
  for (const key of url.searchParams.keys()) if (!KNOWN.has(key)) throw bad(key, `Unknown query parameter ${key}`);
  const flag = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null) return null;
    if (value !== "0" && value !== "1") throw bad(name, `${name} is 0 or 1`);
    return value === "1";
  };
  const preferred = parsePrefer(prefer);
  const representation = { iris: flag("iris") ?? preferred.iris, minimal: flag("minimal") ?? preferred.minimal };
  const pageText = url.searchParams.get("page");
  if (pageText === null) {
    if (["after", "before", "last"].some((key) => url.searchParams.has(key))) throw bad("page", "A page position needs its page number");
    return { representation, page: null, position: null };
  }
  if (!/^\d{1,7}$/.test(pageText)) throw bad("page", "page is a whole number from 0");
  const page = Number(pageText);
  const cursor = (name: "after" | "before") => {
    const value = url.searchParams.get(name)!;
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) throw bad(name, "Malformed cursor");
    const decoded = decodeCursor(value);
    if (decoded.kind !== "after") throw bad(name, "Malformed cursor");
    return { createdAt: decoded.createdAt, id: decoded.id };
  };
  const positions = ["after", "before", "last"].filter((key) => url.searchParams.has(key));
  if (positions.length > 1) throw bad("page", "Give one of after, before and last");
  let position: PagePosition = { kind: "offset", offset: page * ANNOTATION_PAGE_SIZE };
  if (positions[0] === "after") position = { kind: "after", ...cursor("after") };
  if (positions[0] === "before") position = { kind: "before", ...cursor("before") };
  if (positions[0] === "last") {
    const last = url.searchParams.get("last")!;
    if (!/^\d{1,3}$/.test(last) || Number(last) < 1 || Number(last) > ANNOTATION_PAGE_SIZE) throw bad("last", `last is a count from 1 to ${ANNOTATION_PAGE_SIZE}`);
    position = { kind: "last", count: Number(last) };
  }
  return { representation, page, position };
}

const cursorOf = (row: { createdAt: Date; id: string }) => encodeCursor({ kind: "after", createdAt: row.createdAt, id: row.id });

/** How a page's own IRI says where it starts (none for a page addressed by number alone). */
function startOf(position: PagePosition): Parameters<typeof pageIri>[3] {
  switch (position.kind) {
    case "offset":
      return undefined;
    case "last":
      return { last: position.count };
    case "after":
      return { after: cursorOf(position) };
    case "before":
      return { before: cursorOf(position) };
  }
}

/** The page as the protocol shows it, with links to its neighbours that carry their keyset position. */
function pageInput(container: string, iris: boolean, page: number, read: AnnotationPageRead, position: PagePosition): PageInput {
  const hasNext = position.kind === "before" ? read.last !== null : read.more;
  return {
    id: pageIri(container, iris, page, startOf(position)),
    startIndex: page * ANNOTATION_PAGE_SIZE,
    prev: page > 0 && read.first ? pageIri(container, iris, page - 1, { before: cursorOf(read.first) }) : null,
    next: hasNext && read.last ? pageIri(container, iris, page + 1, { after: cursorOf(read.last) }) : null,
    items: iris ? read.annotations.map((annotation) => annotation.id) : read.annotations,
  };
}

/**
 * GET/HEAD on the container or one of its pages: the annotations this reader may read, as the protocol shapes
 * them, with the headers §4 asks for. `If-None-Match` with the current tag answers 304.
 */
export async function containerResponse(prisma: PrismaClient, who: Reader, slug: string, request: Request, origin: string): Promise<Response> {
  const type = negotiateMediaType(request.headers.get("accept"));
  if (!type) throw new AppError("not_acceptable", "The container speaks application/ld+json (or application/json)");
  const { representation, page, position } = readQuery(new URL(request.url), request.headers.get("prefer"));
  let body: { id: string };
  if (page !== null && position) {
    // A page: no count needed (its links carry their positions), one statement for the ids and one for the rows.
    const facts = await collectionContext(prisma, who, slug);
    const container = containerIri(origin, facts.document.slug);
    const read = await annotationPage(prisma, facts.ctx, facts.document, position, origin);
    if (read.annotations.length === 0 && page > 0) throw notFound("No such page");
    body = annotationPageBody({ ...pageInput(container, representation.iris, page, read, position), partOf: collectionIri(container, { iris: representation.iris, minimal: false }), label: LABEL });
  } else {
    // The count and the first page are independent: read side by side (two connections), not one after the other.
    const { document, ctx } = await collectionContext(prisma, who, slug);
    const container = containerIri(origin, document.slug);
    const start: PagePosition = { kind: "offset", offset: 0 };
    const [total, firstRead] = await Promise.all([
      countReadable(prisma, ctx, document.id),
      representation.minimal ? Promise.resolve(null) : annotationPage(prisma, ctx, document, start, origin),
    ]);
    const facts = { total, lastPage: lastPageOf(total) };
    const first = firstRead ? pageInput(container, representation.iris, 0, firstRead, start) : pageIri(container, representation.iris, 0);
    const lastCount = facts.total - facts.lastPage * ANNOTATION_PAGE_SIZE;
    const last = facts.lastPage === 0 ? pageIri(container, representation.iris, 0) : pageIri(container, representation.iris, facts.lastPage, { last: lastCount });
    body = containerBody({ id: collectionIri(container, representation), total: facts.total, label: LABEL, first, last });
  }
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
  if (ifNoneMatchHolds(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : text, { status: 200, headers });
}
