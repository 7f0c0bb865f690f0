/**
 * Notes on or off, before the first paint: the inline script at the top of the reading page runs bootNotesMode
 * (serialised with toString, so it stays self-contained). See notes-mode.ts for the rest of the choice's life.
 */
export const NOTES_MODE_KEY = "marginalia:notes";

/** Serialised into an inline script at the top of the reading page (self-contained, no imports at run time). */
export function bootNotesMode(key: string): void {
  const asked = new URLSearchParams(window.location.search).get("notes");
  let mode = asked === "off" || asked === "on" ? asked : null;
  if (!mode) {
    try {
      mode = window.localStorage.getItem(key);
    } catch {
      // Storage refused (privacy mode): the notes show.
    }
  }
  document.documentElement.dataset.notes = mode === "off" ? "off" : "on";
  // The margin will be laid out by script: from the first paint its sections are out of the flow (app/globals.css),
  // so a large page painted while it is still being parsed never shows the text pushed apart, then closing up (CLS).
  document.documentElement.dataset.jsMargin = "";
}

