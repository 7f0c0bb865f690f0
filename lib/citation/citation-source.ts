/** The facts a citation of one passage needs. */
export type CitationSource = {
  author: string;
  title: string;
  /** ISO date the text was written, e.g. "1928-12-16". */
  writtenOn: string | null;
  place: string | null;
  translation: string | null;
  /** The page's URL with the passage's anchor. */
  url: string;
  /** "12" for ¶ 12, "s1" etc. for unnumbered blocks. */
  locator: string | null;
  /** ISO date of access. */
  accessedOn: string;
  /** ISO date the source was last modified, if known. */
  lastModifiedOn: string | null;
  publisher: string;
};
