/** The letter pages: /letters/<slug> and every page under it (index, import, …). */
const READING_PAGE = /^\/letters\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

export const ANNOTATION_SERVICE_REL = "http://www.w3.org/ns/oa#annotationService";

/** The `Link` value that points a reading page at its annotation container, or null for other pages. */
export function annotationServiceLink(origin: string, pathname: string): string | null {
  const match = READING_PAGE.exec(pathname);
  if (!match) return null;
  return `<${origin}/annotations/${match[1]}/>; rel="${ANNOTATION_SERVICE_REL}"`;
}
