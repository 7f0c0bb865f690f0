import { z } from "zod";
import { isRowId } from "../db/row-id";
import { NOTE_SORTS, ZNoteListQuery } from "./note-schemas";

/** The letter page's query string: filters, sort, page and the note a permalink opens. */
const PAGE_PARAMS = {
  sort: "sort",
  referenceType: "type",
  entry: "entry",
  tag: "tag",
  author: "author",
  group: "group",
  visibility: "visibility",
  paragraph: "paragraph",
  cursor: "cursor",
} as const;
type ViewKey = keyof typeof PAGE_PARAMS;

export type NotesPageView = {
  sort: (typeof NOTE_SORTS)[number];
  referenceType?: z.infer<typeof ZNoteListQuery>["referenceType"];
  entry?: string;
  tag?: string;
  author?: string;
  group?: string;
  visibility?: "private" | "group" | "public";
  paragraph?: string;
  cursor?: string;
  /** A note to open (from its permalink). */
  note?: string;
  /** Query parameters that were not understood and so were left out. */
  ignored: string[];
};

const listShape = ZNoteListQuery.shape;

/** Reads the page's search params leniently: a value that is not valid is ignored (and reported), never an error. */
export function parseNotesPageView(params: Record<string, string | string[] | undefined>): NotesPageView {
  const view: NotesPageView = { sort: "position", ignored: [] };
  for (const key of Object.keys(PAGE_PARAMS) as ViewKey[]) {
    const raw = params[PAGE_PARAMS[key]];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = (key === "sort" ? z.enum(NOTE_SORTS) : listShape[key]).safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(view, { [key]: parsed.data });
    else view.ignored.push(PAGE_PARAMS[key]);
  }
  const note = Array.isArray(params.note) ? params.note[0] : params.note;
  if (note && isRowId(note)) view.note = note.toLowerCase();
  else if (note) view.ignored.push("note");
  return view;
}

/** The page's URL for a view, changing some of its fields (undefined removes one). */
export function notesPageHref(slug: string, view: NotesPageView, changes: Partial<NotesPageView> = {}, hash = ""): string {
  const next = { ...view, ...changes };
  const search = new URLSearchParams();
  for (const key of Object.keys(PAGE_PARAMS) as ViewKey[]) {
    const value = next[key];
    if (value === undefined || (key === "sort" && value === "position")) continue;
    search.set(PAGE_PARAMS[key], String(value));
  }
  const query = search.toString();
  return `/letters/${slug}${query ? `?${query}` : ""}${hash}`;
}
