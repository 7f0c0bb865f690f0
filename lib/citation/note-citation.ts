import type { CitationFacts } from "./citation-facts";
import { BIBTEX_MONTHS, escapeBibtex, invertName } from "./format-citation";
import { chicagoDate, monthOf, yearOf } from "./format-dates";

/** The publisher every citation names (the Cite dialog's, the meta tags', the JSON-LD's). */
export const CITATION_PUBLISHER = "Marginalia";

/** What a citation of one note needs: who wrote it, when, where it stands, and the letter it annotates. */
export type NoteCitationSource = {
  noteId: string;
  author: string;
  /** ISO date the note was written. */
  writtenOn: string;
  /** "12" for ¶ 12, "s1" etc. for unnumbered blocks. */
  locator: string | null;
  /** The note's permalink: /letters/<slug>?note=<id>#note-<id>, absolute. */
  url: string;
  accessedOn: string;
  letter: Pick<CitationFacts, "author" | "title">;
};

/** "paragraph 12" or "section s1": where in the letter the note stands. */
export const locatorText = (locator: string | null) => (locator === null ? null : /^\d+$/.test(locator) ? `paragraph ${locator}` : `section ${locator}`);

/** The note's title in every format: "Note on paragraph 12 of L.D. Trotsky, “Reply to Stalin”". */
export function noteTitle(source: Pick<NoteCitationSource, "locator" | "letter">): string {
  const where = locatorText(source.locator);
  return `Note${where ? ` on ${where}` : ""} of ${source.letter.author}, “${source.letter.title}”`;
}

/** Chicago, as a comment on a web page: author, “title,” site, date, access date, URL. */
export function formatNoteChicago(source: NoteCitationSource): string {
  const author = invertName(source.author);
  return [
    `${author.endsWith(".") ? author : `${author}.`} “${noteTitle(source)}.”`,
    `${CITATION_PUBLISHER}, ${chicagoDate(source.writtenOn)}.`,
    `Accessed ${chicagoDate(source.accessedOn)}.`,
    `${source.url}.`,
  ].join(" ");
}

/** A BibTeX @misc entry for the note (biblatex url/urldate), keyed by author, year and the note's id. */
export function formatNoteBibtex(source: NoteCitationSource): string {
  const surname = invertName(source.author).split(",")[0]!.toLowerCase().replace(/[^a-z]/g, "") || "note";
  const fields: [string, string][] = [
    ["author", `{${escapeBibtex(invertName(source.author))}}`],
    ["title", `{${escapeBibtex(noteTitle(source))}}`],
    ["year", `{${yearOf(source.writtenOn)}}`],
    ["month", BIBTEX_MONTHS[monthOf(source.writtenOn) - 1]!],
    ["date", `{${source.writtenOn}}`],
    ["howpublished", `{${CITATION_PUBLISHER}}`],
    ["note", "{Annotation}"],
    ["url", `{${source.url}}`],
    ["urldate", `{${source.accessedOn}}`],
  ];
  return `@misc{${surname}${yearOf(source.writtenOn)}-${source.noteId.slice(0, 8)},\n${fields.map(([key, value]) => `  ${key} = ${value}`).join(",\n")}\n}`;
}

const dateParts = (iso: string) => ({ "date-parts": [iso.split("-").map(Number)] });

/** CSL-JSON (what Zotero, Mendeley and citeproc read): one item; a display name is a literal name. */
export function noteCslJson(source: NoteCitationSource): string {
  return JSON.stringify(
    [
      {
        id: `note-${source.noteId}`,
        type: "post",
        genre: "Annotation",
        title: noteTitle(source),
        author: [{ literal: source.author }],
        issued: dateParts(source.writtenOn),
        accessed: dateParts(source.accessedOn),
        "container-title": CITATION_PUBLISHER,
        URL: source.url,
      },
    ],
    null,
    2,
  );
}
