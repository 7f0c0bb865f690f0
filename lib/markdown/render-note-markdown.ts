import { noteMarkdownParser } from "./note-markdown-parser";
import { sanitizeNoteHtml } from "./sanitize-note-html";

/**
 * A note's Markdown source as safe HTML for the page (server-side; pure, no `server-only`, so tests and scripts use
 * it too). Raw HTML in the source shows as text; links go only to http, https and mailto and carry
 * `rel="nofollow ugc noopener"`; images become links to their URL; `#` and `##` become h3 and h4. The renderer's
 * output then passes the sanitizer (`sanitizeNoteHtml`).
 */
/**
 * Raise this whenever the parser's options, the sanitizer's rules or the libraries' versions change what a body
 * renders to: notes stored with an older version are rendered again (scripts/lib/rerender-notes.ts, and on read).
 */
export const NOTE_RENDERER_VERSION = 1;

export function renderNoteMarkdown(source: string): string {
  return sanitizeNoteHtml(noteMarkdownParser.render(source));
}
