/**
 * Whether an annotation's target is this letter. Hypothesis and Recogito name the page they annotated as the reader
 * saw it: with or without https, a trailing slash or a fragment (`…/stalin.htm#p3`). Those differences do not make
 * it another page; anything else (another path, another query, another host) does.
 */

/** A comparable form of a page URL: no scheme (http or https), no fragment, no trailing slash, host in lower case. */
export function comparableUrl(url: string): string | null {
  const match = /^https?:\/\/([^/?#]+)([^#]*)/i.exec(url.trim());
  if (!match) return null;
  const path = match[2].replace(/\/+$/, "");
  return `${match[1].toLowerCase()}${path}`;
}

/** A test for "is this the letter's page", built once for the file from the URLs the caller names. */
export function letterUrlMatcher(letterUrls: readonly string[]): (url: unknown) => boolean {
  const known = new Set(letterUrls.map(comparableUrl).filter((url): url is string => url !== null));
  return (url) => {
    if (typeof url !== "string") return false;
    const comparable = comparableUrl(url);
    return comparable !== null && known.has(comparable);
  };
}

/** The paragraph anchors Marginalia's letter pages use (lib/annotations/note-schemas.ts accepts the same). */
export const PARAGRAPH_ANCHOR = /^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/;

/** The paragraph a URL's fragment names (`…/letters/reply-to-stalin#p12` → "p12"), or null. */
export function paragraphOfFragment(url: string): string | null {
  const hash = url.indexOf("#");
  if (hash < 0) return null;
  const fragment = url.slice(hash + 1);
  return PARAGRAPH_ANCHOR.test(fragment) ? fragment : null;
}
