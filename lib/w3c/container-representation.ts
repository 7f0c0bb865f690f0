import { createHash } from "node:crypto";
import { W3C_CONTEXT } from "./annotation-iris";

/**
 * The container's representations (W3C Web Annotation Protocol §4.2–4.3): the preferences are part of the IRI, as
 * §4.2.1 recommends, so that each representation has its own id and caches never mix them:
 *   …/annotations/<slug>/              descriptions (the default), first page embedded
 *   …/annotations/<slug>/?iris=1       the items as IRIs only
 *   …/annotations/<slug>/?minimal=1    PreferMinimalContainer: no items, only links to the pages (with iris=1 too)
 * Pages: …/?page=N and …/?iris=1&page=N (0-based).
 */
export type Representation = { iris: boolean; minimal: boolean };

export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

export function collectionIri(container: string, { iris, minimal }: Representation): string {
  const query = [iris ? "iris=1" : null, minimal ? "minimal=1" : null].filter(Boolean).join("&");
  return query ? `${container}?${query}` : container;
}

export function pageIri(container: string, iris: boolean, page: number): string {
  return `${container}?${iris ? "iris=1&" : ""}page=${page}`;
}

type PageInput = { container: string; iris: boolean; page: number; lastPage: number; pageSize: number; items: unknown[] };

function pageFields({ container, iris, page, lastPage, pageSize, items }: PageInput) {
  return {
    id: pageIri(container, iris, page),
    type: "AnnotationPage",
    startIndex: page * pageSize,
    ...(page > 0 ? { prev: pageIri(container, iris, page - 1) } : {}),
    ...(page < lastPage ? { next: pageIri(container, iris, page + 1) } : {}),
    items,
  };
}

/** A page on its own (GET …?page=N): it names the collection it is part of, with the total. */
export function annotationPageBody(input: PageInput & { total: number; label: string }) {
  return {
    "@context": W3C_CONTEXT,
    ...pageFields(input),
    partOf: { id: collectionIri(input.container, { iris: input.iris, minimal: false }), label: input.label, total: input.total },
  };
}

/** The container: a BasicContainer and an AnnotationCollection, with the first page embedded unless minimal. */
export function containerBody(input: { container: string; representation: Representation; total: number; lastPage: number; label: string; firstPage: PageInput | null }) {
  const { container, representation, total, lastPage, label, firstPage } = input;
  return {
    "@context": [W3C_CONTEXT, LDP_CONTEXT],
    id: collectionIri(container, representation),
    type: ["BasicContainer", "AnnotationCollection"],
    label,
    total,
    first: firstPage && !representation.minimal ? pageFields(firstPage) : pageIri(container, representation.iris, 0),
    last: pageIri(container, representation.iris, lastPage),
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
