import sanitizeHtml from "sanitize-html";
import { NOTE_LINK_REL, toNoteLinkHref } from "./note-link-policy";

/** What a rendered note may contain: text structure and links, nothing that loads, runs, styles or submits. */
export const NOTE_ALLOWED_TAGS = [
  "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
  "h3", "h4", "h5", "h6", "hr", "del", "sup", "sub",
  "table", "thead", "tbody", "tr", "th", "td",
] as const;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...NOTE_ALLOWED_TAGS],
  // No class, style, id or on* anywhere; `start` only so "3. item" keeps its number.
  allowedAttributes: { a: ["href", "rel", "title"], ol: ["start"] },
  allowedClasses: {},
  allowedStyles: {},
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  // A disallowed element is removed and its text kept; script, style, textarea, option and noscript lose their text.
  disallowedTagsMode: "discard",
  transformTags: {
    // The link policy again, on the decoded attribute, and the same rel on every link whatever it had. A link that
    // fails the policy loses its attributes here and its tags in exclusiveFilter, keeping its text. (Renaming it to a
    // disallowed tag instead would trip a sanitize-html 2.17 bug: the next element closed at that depth is closed
    // with the stale name, e.g. `<a …>ok</span>`.)
    a: (_tagName, attribs) => {
      const href = attribs.href ? toNoteLinkHref(attribs.href) : null;
      if (!href) return { tagName: "a", attribs: {} };
      const kept: sanitizeHtml.Attributes = { href, rel: NOTE_LINK_REL };
      if (attribs.title) kept.title = attribs.title;
      return { tagName: "a", attribs: kept };
    },
    ol: (_tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.start && /^\d{1,9}$/.test(attribs.start)) kept.start = attribs.start;
      return { tagName: "ol", attribs: kept };
    },
  },
  exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
};

/**
 * The last gate before a note's HTML reaches a page: an allowlist sanitizer over the renderer's output. The renderer
 * already refuses raw HTML and bad links; this runs anyway, so one mistake in either does not become a hole.
 */
export function sanitizeNoteHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
