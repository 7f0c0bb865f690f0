/** Where a notification leads: the letter opened at the thread, scrolled to the note or reply it is about. */
export function notificationPermalink(note: { id: string; threadId: string | null; documentSlug: string }): string {
  const thread = note.threadId ?? note.id;
  return `/letters/${encodeURIComponent(note.documentSlug)}?note=${thread}#note-${note.id}`;
}
