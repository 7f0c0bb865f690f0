import { NOTE_RENDERER_VERSION, renderNoteMarkdown } from "./render-note-markdown";

/** The columns a written body sets beside itself: its HTML, rendered and sanitized once, and the renderer's version. */
export function renderedBody(body: string): { body: string; bodyHtml: string; bodyHtmlVersion: number } {
  return { body, bodyHtml: renderNoteMarkdown(body), bodyHtmlVersion: NOTE_RENDERER_VERSION };
}

/** A row's HTML: as stored when the current renderer made it, else rendered now (until the re-render script runs). */
export function bodyHtmlOf(row: { body: string; bodyHtml: string | null; bodyHtmlVersion: number | null }): string {
  return row.bodyHtml !== null && row.bodyHtmlVersion === NOTE_RENDERER_VERSION ? row.bodyHtml : renderNoteMarkdown(row.body);
}
