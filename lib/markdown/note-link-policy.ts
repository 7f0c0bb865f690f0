/** Schemes a note may link to; everything else (javascript:, data:, vbscript:, file:, relative URLs, //host) is refused. */
export const NOTE_LINK_SCHEMES = ["http:", "https:", "mailto:"] as const;

/** Every link in a note: not endorsed by the site, written by a user, and the target gets no `window.opener`. */
export const NOTE_LINK_REL = "nofollow ugc noopener";

const ALLOWED = new Set<string>(NOTE_LINK_SCHEMES);

/**
 * The href a note may carry for `url`, or null when the link must be dropped.
 *
 * The URL is parsed as a browser parses an href (WHATWG URL) but with no base URL, so only absolute URLs pass:
 * relative paths, `//evil.example` and anything with a scheme outside http, https and mailto are refused. Tabs and
 * newlines inside a scheme ("java\nscript:") and leading control characters are removed by the parser exactly as a
 * browser removes them, so the scheme checked is the scheme that would run. The serialized URL is returned, so the
 * page carries what was checked. http(s) URLs with a user name or password (`https://trusted@evil.example`) are
 * refused too: they have no use in a note and are a phishing device.
 */
export function toNoteLinkHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED.has(parsed.protocol)) return null;
  if (parsed.protocol === "mailto:") return parsed.pathname.length > 0 ? parsed.href : null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

/** Whether `url` may be linked from a note (see `toNoteLinkHref`). */
export function isAllowedNoteLink(url: string): boolean {
  return toNoteLinkHref(url) !== null;
}

/** Whether `url` may be shown as a link in place of an image: http or https only (never mailto). */
export function isWebLink(href: string): boolean {
  return href.startsWith("http:") || href.startsWith("https:");
}
