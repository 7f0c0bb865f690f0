"use client";

import { useSyncExternalStore } from "react";
import { NOTES_MODE_KEY } from "./notes-mode-boot";

/**
 * Notes on or off: the reader's choice to read the bare letter. It lives on <html data-notes="on|off"> (set before
 * the first paint by bootNotesMode, so hidden notes never flash), is remembered in localStorage and can be shared
 * with `?notes=off` in the URL, which wins over the remembered choice for that visit.
 */

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-notes", "data-notes-panel"] });
  return () => observer.disconnect();
}

/** Whether the notes show, following <html data-notes>; on during server rendering. */
export function useNotesShown(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.notes !== "off",
    () => true,
  );
}

/** Whether the notes panel is open, following <html data-notes-panel>. */
export function useNotesPanelOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.notesPanel === "open",
    () => false,
  );
}

/** Shows or hides the notes: remembered, reflected in the URL (so it can be shared), and the margin laid out again. */
export function setNotesShown(shown: boolean): void {
  document.documentElement.dataset.notes = shown ? "on" : "off";
  try {
    window.localStorage.setItem(NOTES_MODE_KEY, shown ? "on" : "off");
  } catch {
    // Not remembered; the URL still says it.
  }
  const url = new URL(window.location.href);
  if (shown) url.searchParams.delete("notes");
  else url.searchParams.set("notes", "off");
  window.history.replaceState(window.history.state, "", url);
  window.dispatchEvent(new Event("marginalia:relayout"));
}
