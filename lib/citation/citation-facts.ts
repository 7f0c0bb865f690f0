import type { ReadingEdition } from "../documents/reading-edition";

/** The document facts the client needs to build a citation (the passage, URL and access date come at click time). */
export type CitationFacts = {
  author: string;
  title: string;
  writtenOn: string | null;
  place: string | null;
  translation: string | null;
  lastModifiedOn: string | null;
};

export function citationFacts(edition: ReadingEdition): CitationFacts {
  return {
    author: edition.author,
    title: edition.title,
    writtenOn: edition.writtenOn,
    place: edition.place,
    translation: edition.translation,
    lastModifiedOn: edition.lastUpdatedOn,
  };
}
