import type { ParagraphKindName } from "./paragraph-kinds";
import { SourceFormatError } from "./source-format-error";
import { codePointLength } from "./code-points";

export type ParsedFootnoteMark = { label: string; offset: number };

export type ParsedBlock = {
  kind: ParagraphKindName;
  /** Permanent anchor; null for blocks that are not citable (the section break). */
  anchorId: string | null;
  text: string;
  /** Footnote marks removed from `text`, with the code-point offset where each stood. */
  footnoteMarks: ParsedFootnoteMark[];
  /** For a footnote: its label ("1"). */
  footnoteLabel?: string;
};

export type ParsedSource = {
  author: string;
  title: string;
  dateLine: string | null;
  writtenText: string | null;
  writtenOn: string | null;
  translation: string | null;
  firstPublication: string | null;
  transcriptionCredit: string | null;
  licenceText: string;
  lastUpdatedText: string | null;
  lastUpdatedOn: string | null;
  blocks: ParsedBlock[];
};

type RawBlock = { text: string; line: number };

const METADATA_FIELDS = {
  Written: "writtenText",
  Translated: "translation",
  "First Published": "firstPublication",
  "Transcription/HTML Markup": "transcriptionCredit",
  Copyleft: "licenceText",
  "Last updated on": "lastUpdatedText",
} as const;
type MetadataField = (typeof METADATA_FIELDS)[keyof typeof METADATA_FIELDS];

const METADATA_LINE = /^(Written|Translated|First Published|Transcription\/HTML Markup|Copyleft|Last updated on):\s*(.*)$/;
const NAVIGATION_LEFTOVER = /^(return\s*)+$/i;
const SECTION_BREAK = /^\*\s*\*\s*\*$/;
const SALUTATION = /^To the .+!$/;
const DATELINE = /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}, .+\.$/;
const FOOTNOTE = /^(\d+)\.\s+(.+)$/s;
const FOOTNOTE_MARK = / ?\[(\d+)\]/g;
/** A paragraph that is one quotation from its first character to its last: the letter's block quotation. */
const WHOLE_QUOTATION = /^“[^”]*”$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Splits the file into blocks separated by blank lines, remembering where each starts. */
function readBlocks(source: string): RawBlock[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const blocks: RawBlock[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      if (current.length) blocks.push({ text: current.join("\n"), line: start + 1 });
      current = [];
      return;
    }
    if (!current.length) start = index;
    current.push(line);
  });
  if (current.length) blocks.push({ text: current.join("\n"), line: start + 1 });
  return blocks;
}

/** "16 December 1928." -> "1928-12-16" */
function parseWrittenDate(text: string): string | null {
  const match = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})\.?$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]) + 1;
  if (month === 0) return null;
  return isoDate(Number(match[3]), month, Number(match[1]));
}

/** The archive prints day.month.year ("12.8.2012" is 12 August 2012). */
function parseDayMonthYear(text: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Takes footnote marks ("58 [1] perfidiously") out of the text and records where they stood. */
function extractFootnoteMarks(text: string): { text: string; marks: ParsedFootnoteMark[] } {
  const marks: ParsedFootnoteMark[] = [];
  let clean = "";
  let last = 0;
  for (const match of text.matchAll(FOOTNOTE_MARK)) {
    clean += text.slice(last, match.index);
    marks.push({ label: match[1], offset: codePointLength(clean) });
    last = match.index + match[0].length;
  }
  clean += text.slice(last);
  return { text: clean, marks };
}

/**
 * Reads a plain-text transcription in the layout of the Marxists Internet Archive: author, title, date line,
 * colophon metadata, salutations, body paragraphs (one may be a block quotation), "* * *" breaks, a dateline and
 * numbered footnotes. The text of every paragraph is kept to the character; only footnote marks are lifted out.
 */
export function parseSource(source: string): ParsedSource {
  if (!source.trim()) throw new SourceFormatError("the source file is empty");
  const blocks = readBlocks(source).filter((block) => !NAVIGATION_LEFTOVER.test(block.text.trim()));
  const metadata: Partial<Record<MetadataField, string>> = {};
  const heading: string[] = [];
  const parsed: ParsedBlock[] = [];
  let bodyCount = 0;
  let salutationCount = 0;
  let seenMetadata = false;

  for (const block of blocks) {
    const lines = block.text.split("\n");
    if (lines.every((line) => METADATA_LINE.test(line))) {
      for (const line of lines) {
        const [, key, value] = METADATA_LINE.exec(line)!;
        metadata[METADATA_FIELDS[key as keyof typeof METADATA_FIELDS]] = value.trim();
      }
      seenMetadata = true;
      continue;
    }
    if (lines.length > 1) {
      throw new SourceFormatError("a paragraph is broken across lines; each paragraph must be one line", block.line);
    }
    const text = block.text;
    if (!seenMetadata) {
      heading.push(text);
      continue;
    }
    if (SECTION_BREAK.test(text.trim())) {
      parsed.push({ kind: "section_break", anchorId: null, text, footnoteMarks: [] });
    } else if (SALUTATION.test(text) && bodyCount === 0) {
      salutationCount += 1;
      parsed.push({ kind: "salutation", anchorId: `s${salutationCount}`, text, footnoteMarks: [] });
    } else if (DATELINE.test(text)) {
      parsed.push({ kind: "dateline", anchorId: "dateline", text, footnoteMarks: [] });
    } else if (FOOTNOTE.test(text) && parsed.some((b) => b.kind === "dateline")) {
      const [, label, note] = FOOTNOTE.exec(text)!;
      parsed.push({ kind: "footnote", anchorId: `fn${label}`, text: note, footnoteMarks: [], footnoteLabel: label });
    } else {
      bodyCount += 1;
      const { text: clean, marks } = extractFootnoteMarks(text);
      const kind = WHOLE_QUOTATION.test(clean) ? "blockquote" : "body";
      parsed.push({ kind, anchorId: `p${bodyCount}`, text: clean, footnoteMarks: marks });
    }
  }

  if (!seenMetadata) {
    throw new SourceFormatError("no metadata lines (Written:, Translated:, Copyleft: …) found after the author and the title");
  }
  if (heading.length < 2) {
    throw new SourceFormatError("expected the author and the title before the metadata lines (Written:, Translated:, …)");
  }
  if (!metadata.licenceText) throw new SourceFormatError("the Copyleft/licence line is missing");
  if (bodyCount === 0) throw new SourceFormatError("no body paragraphs found after the metadata");
  const labels = new Set(parsed.filter((b) => b.kind === "footnote").map((b) => b.footnoteLabel));
  for (const mark of parsed.flatMap((b) => b.footnoteMarks)) {
    if (!labels.has(mark.label)) throw new SourceFormatError(`footnote mark [${mark.label}] has no footnote "${mark.label}. …"`);
  }

  return {
    author: heading[0],
    title: heading[1],
    dateLine: heading[2] ?? null,
    writtenText: metadata.writtenText ?? null,
    writtenOn: metadata.writtenText ? parseWrittenDate(metadata.writtenText) : null,
    translation: metadata.translation ?? null,
    firstPublication: metadata.firstPublication ?? null,
    transcriptionCredit: metadata.transcriptionCredit ?? null,
    licenceText: metadata.licenceText,
    lastUpdatedText: metadata.lastUpdatedText ?? null,
    lastUpdatedOn: metadata.lastUpdatedText ? parseDayMonthYear(metadata.lastUpdatedText) : null,
    blocks: parsed,
  };
}
