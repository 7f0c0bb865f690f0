import MarkdownIt, { type MarkdownIt as TMarkdownIt, type Token } from "markdown-it";
import { isWebLink, NOTE_LINK_REL, toNoteLinkHref } from "./note-link-policy";

/** Notes sit under the page's h1 and the note list's h2: `#` becomes h3, `##` h4, and so on, down to h6. */
const HEADING_LEVEL_SHIFT = 2;

function shiftedHeadingTag(tag: string): string {
  const level = Number(tag.slice(1));
  return `h${Math.min(6, level + HEADING_LEVEL_SHIFT)}`;
}

function isInsideLink(tokens: Token[], index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i += 1) {
    if (tokens[i].type === "link_open") depth += 1;
    else if (tokens[i].type === "link_close") depth -= 1;
  }
  return depth > 0;
}

/**
 * The one Markdown parser for note bodies: CommonMark plus tables, strikethrough and autolinked bare URLs, with
 * raw HTML refused (shown as text), links limited by the note link policy, images turned into links, headings moved
 * down two levels and no class or style attributes emitted. Its output still goes through `sanitizeNoteHtml`.
 */
function createNoteMarkdownParser(): TMarkdownIt {
  const parser = new MarkdownIt("default", {
    html: false,
    xhtmlOut: false,
    breaks: true,
    linkify: true,
    typographer: false,
  });

  // Every way Markdown makes a URL (inline links, <autolinks>, reference definitions, images, bare URLs) asks this;
  // a refused URL leaves its source as plain text.
  parser.validateLink = (url) => toNoteLinkHref(url) !== null;

  parser.core.ruler.push("note_structure", (state) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        // ~~struck~~ is a deletion: <del>, as the allowlist has it, not markdown-it's <s>.
        if (child.type === "s_open" || child.type === "s_close") child.tag = "del";
      }
      if (token.type === "heading_open" || token.type === "heading_close") token.tag = shiftedHeadingTag(token.tag);
      // Column alignment arrives as a style attribute, which notes may not carry.
      if (token.type === "th_open" || token.type === "td_open") token.attrs = null;
    }
    return true;
  });

  const { escapeHtml } = parser.utils;
  const rules = parser.renderer.rules;

  rules.link_open = (tokens, index, options, _env, renderer) => {
    const token = tokens[index];
    const href = toNoteLinkHref(String(token.attrGet("href") ?? ""));
    const title = token.attrGet("title");
    token.attrs = null;
    // Without an allowed href the sanitizer unwraps the element; validateLink means this does not happen.
    if (href) token.attrSet("href", href);
    if (title) token.attrSet("title", title);
    token.attrSet("rel", NOTE_LINK_REL);
    return renderer.renderToken(tokens, index, options);
  };

  // No images from elsewhere: an http(s) image becomes a link to its URL, labelled with its alt text; any other image
  // (and any image inside a link, where a nested link would be invalid) leaves only its alt text.
  rules.image = (tokens, index, options, env, renderer) => {
    const token = tokens[index];
    const alt = escapeHtml(renderer.renderInlineAsText(token.children ?? [], options, env));
    const href = toNoteLinkHref(String(token.attrGet("src") ?? ""));
    if (!href || !isWebLink(href) || isInsideLink(tokens, index)) return alt;
    const label = alt || escapeHtml(href);
    return `<a href="${escapeHtml(href)}" rel="${NOTE_LINK_REL}">${label}</a>`;
  };

  // Code is shown as written; the info string ("```js") would only add a class attribute.
  rules.fence = (tokens, index) => `<pre><code>${escapeHtml(tokens[index].content)}</code></pre>\n`;
  rules.code_block = rules.fence;

  return parser;
}

export const noteMarkdownParser = createNoteMarkdownParser();
