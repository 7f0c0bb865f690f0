import type { ParagraphKindName } from "./paragraph-kinds";

/** What the reading page needs of a document: plain data, safe to pass to client components. */
export type ReadingEdition = {
  /** The document's row id: loaders given the edition look nothing up again. */
  id: string;
  slug: string;
  title: string;
  author: string;
  dateLine: string | null;
  writtenText: string | null;
  writtenOn: string | null;
  place: string | null;
  translation: string | null;
  firstPublication: string | null;
  transcriptionCredit: string | null;
  licenceText: string;
  sourceUrl: string | null;
  lastUpdatedText: string | null;
  lastUpdatedOn: string | null;
  textRevision: number;
  paragraphs: ReadingParagraph[];
};

export type FootnoteLink = { label: string; markAnchorId: string; markOffset: number; footnoteAnchorId: string };

export type ReadingParagraph = {
  anchorId: string | null;
  kind: ParagraphKindName;
  /** The printed paragraph number of body paragraphs and the block quotation (1–27 in the letter). */
  number: number | null;
  text: string;
  /** Footnote marks inside this paragraph. */
  marks: FootnoteLink[];
  /** For a footnote: the marks that call it. */
  calledFrom: FootnoteLink[];
};
