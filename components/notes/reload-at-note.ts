/** Note cards are rendered on the server: after one changes, the page is drawn again, scrolled to that note. */
export function reloadAtNote(noteId: string): void {
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}#note-${noteId}`);
  window.location.reload();
}
