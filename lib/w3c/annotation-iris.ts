/**
 * The IRIs Marginalia's W3C annotations use. Every one is built from the configured public origin `appUrl`
 * (lib/http/public-origin.ts: no trailing slash), never from a request's Host header, which a client controls: an
 * annotation's identity must not depend on how it was asked for. The same rules read IRIs back, so a client cannot
 * smuggle in an IRI of another origin or of another letter.
 */

export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const MARGINALIA_CONTEXT_PATH = "/ns/marginalia.jsonld";

/** Letter slugs and reference index entry ids: kebab-case (lib/documents/editions-manifest.ts, lib/references). */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const marginaliaContextIri = (appUrl: string) => `${appUrl}${MARGINALIA_CONTEXT_PATH}`;
/** The generator: Marginalia itself, as the site's home page. */
export const softwareIri = (appUrl: string) => `${appUrl}/`;

/** The annotation container of one letter (Web Annotation Protocol): its annotations live under it. */
export const containerIri = (appUrl: string, slug: string) => `${appUrl}/annotations/${slug}/`;
export const annotationIri = (appUrl: string, slug: string, id: string) => `${appUrl}/annotations/${slug}/${id}`;
/** The letter's reading page: the target's source (a paragraph is its fragment, as in `…/letters/<slug>#p12`). */
export const letterIri = (appUrl: string, slug: string) => `${appUrl}/letters/${slug}`;
/** A writer. No page answers there (yet): it names the person, it is not a profile link. */
export const personIri = (appUrl: string, userId: string) => `${appUrl}/people/${userId}`;
/** A reference index entry: its page is app/references/[id]. */
export const entryIri = (appUrl: string, entryId: string) => `${appUrl}/references/${entryId}`;
export const groupIri = (appUrl: string, groupId: string) => `${appUrl}/groups/${groupId}`;

/** The rest of `iri` after `prefix`, or null when `iri` is not a string starting with it. */
function after(iri: unknown, prefix: string): string | null {
  return typeof iri === "string" && iri.startsWith(prefix) ? iri.slice(prefix.length) : null;
}

/** `{ slug, id }` of an annotation IRI of this site (any letter's container), or null for anything else. */
export function parseAnnotationIri(appUrl: string, iri: unknown): { slug: string; id: string } | null {
  const rest = after(iri, `${appUrl}/annotations/`);
  const match = rest === null ? null : /^([^/]+)\/([^/]+)$/.exec(rest);
  if (!match || !SLUG.test(match[1]) || !UUID.test(match[2])) return null;
  return { slug: match[1], id: match[2] };
}

/** The group id of a group IRI of this site, or null. */
export function parseGroupIri(appUrl: string, iri: unknown): string | null {
  const id = after(iri, `${appUrl}/groups/`);
  return id !== null && UUID.test(id) ? id : null;
}

/** The entry id of a reference index entry IRI of this site, or null. */
export function parseEntryIri(appUrl: string, iri: unknown): string | null {
  const id = after(iri, `${appUrl}/references/`);
  return id !== null && SLUG.test(id) ? id : null;
}
