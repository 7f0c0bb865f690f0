import type { NotesPageView } from "@/lib/annotations/notes-view-params";

/** The notes API query the panel sends for the page's view: the same filters and sort, one paragraph if asked. */
export function notesPanelQuery(view: Omit<NotesPageView, "ignored" | "cursor" | "note">, paragraph: string | null, cursor: string | null): URLSearchParams {
  const query = new URLSearchParams({ sort: view.sort, limit: "100" });
  const filters = { referenceType: view.referenceType, entry: view.entry, tag: view.tag, author: view.author, group: view.group, visibility: view.visibility };
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const scope = paragraph ?? view.paragraph;
  if (scope) query.set("paragraph", scope);
  if (cursor) query.set("cursor", cursor);
  return query;
}
