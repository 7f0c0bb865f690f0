/**
 * Highlighted snippets as HTML that is safe to insert. PostgreSQL's ts_headline wraps matches in markers of our choice;
 * we choose two private-use characters, remove them from the text beforehand (so the text cannot forge a highlight),
 * then escape every piece of text ourselves and only then add <mark> elements. No HTML from the note survives.
 */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

const MARKERS = /[\uE000\uE001]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function stripMarkers(text: string): string {
  return text.replace(MARKERS, "");
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** A ts_headline result (plain text with markers) as escaped HTML with <mark> around the matches, always balanced. */
export function headlineToHtml(headline: string): string {
  let html = "";
  let open = false;
  for (const part of headline.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_STOP) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeText(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
