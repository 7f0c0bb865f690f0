import type { NoteView } from "./note-view";

/** Notes grouped by the paragraph they belong to, paragraphs in reading order (the order of `anchorIds`). */
export function groupNotesByParagraph(notes: NoteView[], anchorIds: string[]): { paragraph: string; notes: NoteView[] }[] {
  const byParagraph = new Map<string, NoteView[]>();
  for (const note of notes) {
    const list = byParagraph.get(note.paragraph) ?? [];
    list.push(note);
    byParagraph.set(note.paragraph, list);
  }
  return anchorIds.filter((id) => byParagraph.has(id)).map((paragraph) => ({ paragraph, notes: byParagraph.get(paragraph)! }));
}
