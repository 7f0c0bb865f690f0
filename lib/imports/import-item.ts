/**
 * What an uploaded annotation file becomes before anything is placed or stored: one normalised item per annotation
 * (or per reply a Recogito annotation carries in its bodies), in file order. The parsers (lib/imports/parse-*.ts)
 * produce these without a database; placing them in the letter's paragraphs and writing them is the caller's work.
 */

/** Refused above this many UTF-8 bytes, before parsing: JSON.parse of a huge text holds it all in memory twice. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** At most this many annotations a file (replies carried in Recogito bodies not counted). */
export const MAX_IMPORT_ITEMS = 10_000;
/** Deeper nesting is refused before JSON.parse: no annotation format needs more than about 10 levels. */
export const MAX_IMPORT_DEPTH = 32;

/** Which kind of file the items came from; "marginalia" is a W3C export of this or another Marginalia instance. */
export type ImportSource = "marginalia" | "w3c" | "hypothesis" | "recogito";

export type ImportQuote = { exact: string; prefix: string; suffix: string };

/**
 * Where the file says the passage is: a hint for the placing, which trusts the quote first.
 * - "code-points-in-paragraph": Marginalia's own (and a W3C FragmentSelector's refinement): within `paragraphHint`.
 * - "utf16-in-page": Hypothesis and Recogito count JavaScript string offsets over the whole page as they saw it.
 */
export type ImportPosition = { start: number; end: number; unit: "code-points-in-paragraph" | "utf16-in-page" };

export type ImportSourceCitation = { citation: string; url?: string; doi?: string };

export type ImportCreator = { id: string | null; name: string | null };

type ItemBase = {
  /** Position in `ParsedImport.items` (0-based, file order): the index a report can name to the person importing. */
  index: number;
  /** The annotation's id in the file (an IRI, a Hypothesis id, or `${annotationId}#reply-${n}` for a Recogito reply). */
  originalId: string | null;
};

export type ImportNote = ItemBase & {
  kind: "note";
  /** The annotation's W3C `canonical` IRI, when the file gives one. */
  canonical: string | null;
  source: ImportSource;
  /** The quoted passage; null for a page note or a whole-paragraph note (the caller decides where it goes). */
  quote: ImportQuote | null;
  /** A paragraph anchor ("p12") when the file names one: Marginalia's own files and W3C FragmentSelectors. */
  paragraphHint: string | null;
  positionHint: ImportPosition | null;
  /** Markdown, trimmed, within ZNoteBody's limits. */
  body: string;
  /** Normalised as ZTags does (trimmed, lower case, unique). */
  tags: string[];
  sources: ImportSourceCitation[];
  referenceType: string | null;
  referenceEntryId: string | null;
  /** Only Marginalia's own files say who may read a note; null for every other source. */
  visibility: "private" | "group" | "public" | null;
  groupIri: string | null;
  creator: ImportCreator | null;
  /** ISO 8601 (UTC, as Date#toISOString writes it). */
  created: string | null;
};

export type ImportReply = ItemBase & {
  kind: "reply";
  canonical: string | null;
  source: ImportSource;
  /** The originalId (or IRI) of the note or reply it answers. */
  inReplyTo: string;
  body: string;
  creator: ImportCreator | null;
  created: string | null;
};

export type ImportRefused = ItemBase & {
  kind: "refused";
  /** Why, in words for the person importing (with the JSON path at fault when there is one). */
  reason: string;
};

export type ImportItem = ImportNote | ImportReply | ImportRefused;

export type ParsedImport = { source: ImportSource; items: ImportItem[] };

/** An item before the file's parser numbers it (each format parser returns these; the index is assigned once). */
export type ImportItemDraft = Omit<ImportNote, "index"> | Omit<ImportReply, "index"> | Omit<ImportRefused, "index">;
