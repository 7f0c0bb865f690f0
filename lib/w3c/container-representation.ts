import { createHash } from "node:crypto";
import { W3C_CONTEXT } from "./annotation-iris";

/**
 * The container's representations (W3C Web Annotation Protocol §4.2–4.3): the preferences are part of the IRI, as
 * §4.2.1 recommends, so that each representation has its own id and caches never mix them:
 *   …/annotations/<slug>/              descriptions (the default), first page embedded
 *   …/annotations/<slug>/?iris=1       the items as IRIs only
 *   …/annotations/<slug>/?minimal=1    PreferMinimalContainer: no items, only links to the pages (with iris=1 too)
 * Pages are numbered from 0 (…/?page=N, …/?iris=1&page=N); the links between pages also carry a keyset cursor
 * (after=/before=, or last=K for the last K), so that following them costs the same on page 1 and page 1,000.
 */
export type Representation = { iris: boolean; minimal: boolean };

export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

export function collectionIri(container: string, { iris, minimal }: Representation): string {
  const query = [iris ? "iris=1" : null, minimal ? "minimal=1" : null].filter(Boolean).join("&");
  return query ? `${container}?${query}` : container;
}

/** A page's IRI: its number and, for the links between pages, where it starts. */
export function pageIri(container: string, iris: boolean, page: number, start?: { after: string } | { before: string } | { last: number }): string {
  const position = !start ? "" : "after" in start ? `&after=${start.after}` : "before" in start ? `&before=${start.before}` : `&last=${start.last}`;
  return `${container}?${iris ? "iris=1&" : ""}page=${page}${position}`;
}

export type PageInput = { id: string; startIndex: number; prev: string | null; next: string | null; items: unknown[] };

function pageFields({ id, startIndex, prev, next, items }: PageInput) {
  return { id, type: "AnnotationPage", startIndex, ...(prev ? { prev } : {}), ...(next ? { next } : {}), items };
}

/** A page on its own (GET …?page=N): it names the collection it is part of. */
export function annotationPageBody(input: PageInput & { partOf: string; label: string }) {
  return { "@context": W3C_CONTEXT, ...pageFields(input), partOf: { id: input.partOf, label: input.label } };
}

/** The container: a BasicContainer and an AnnotationCollection, with the first page embedded unless minimal. */
export function containerBody(input: { id: string; total: number; label: string; first: PageInput | string; last: string }) {
  return {
    "@context": [W3C_CONTEXT, LDP_CONTEXT],
    id: input.id,
    type: ["BasicContainer", "AnnotationCollection"],
    label: input.label,
    total: input.total,
    first: typeof input.first === "string" ? input.first : pageFields(input.first),
    last: input.last,
  };
}

/** A strong entity tag of exactly these bytes. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

export const CONTAINER_LINK = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';
export const RESOURCE_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
export const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
export const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
export const ACCEPT_POST = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld", application/ld+json, application/json';
