"use client";

import { setNotesShown, useNotesPanelOpen, useNotesShown } from "./notes-mode";
import { NOTES_PANEL_SHORTCUT, requestNotesPanel } from "./notes-panel";

/**
 * Above the letter: show or hide every note and highlight (remembered; `?notes=off` shares it), and open the notes
 * panel. The switch's look follows <html data-notes> in CSS, so it is right before hydration too.
 */
export function NotesViewControls() {
  const shown = useNotesShown();
  const panelOpen = useNotesPanelOpen();
  return (
    <div className="notes-view-controls">
      <button type="button" role="switch" aria-checked={shown} className="notes-switch" onClick={() => setNotesShown(!shown)}>
        <span className="notes-switch-track" aria-hidden="true" />
        Show notes
      </button>
      <button
        type="button"
        className="button button--quiet notes-panel-button"
        data-notes-panel-button
        aria-controls="notes-panel"
        aria-expanded={panelOpen}
        aria-keyshortcuts={NOTES_PANEL_SHORTCUT}
        title={`Notes panel (${NOTES_PANEL_SHORTCUT})`}
        onClick={(event) => requestNotesPanel({ returnFocus: event.currentTarget })}
      >
        Notes panel <kbd className="shortcut">{NOTES_PANEL_SHORTCUT}</kbd>
      </button>
    </div>
  );
}
