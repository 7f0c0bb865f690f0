import type { CitationFacts } from "./citation-facts";
import { CITATION_PUBLISHER, noteTitle, type NoteCitationSource } from "./note-citation";
import { GFDL_URL } from "../documents/licence-url";

/** The tags Zotero and other reference managers read from a page: Highwire Press citation_* and Dublin Core DC.*. */
export type MetaTags = Record<string, string | string[]>;

const highwireDate = (iso: string) => iso.replaceAll("-", "/");

/** The letter page's tags: the same facts as its Cite dialog (citationFacts), the page's public URL. */
export function letterMetaTags(facts: CitationFacts, url: string, sourceUrl: string | null): MetaTags {
  return {
    citation_title: facts.title,
    citation_author: facts.author,
    ...(facts.writtenOn ? { citation_date: highwireDate(facts.writtenOn) } : {}),
    citation_publisher: CITATION_PUBLISHER,
    citation_language: "en",
    citation_public_url: url,
    citation_fulltext_html_url: url,
    "DC.title": facts.title,
    "DC.creator": facts.author,
    ...(facts.writtenOn ? { "DC.date": facts.writtenOn } : {}),
    "DC.type": "Text",
    "DC.language": "en",
    "DC.publisher": CITATION_PUBLISHER,
    "DC.identifier": url,
    "DC.rights": GFDL_URL,
    ...(sourceUrl ? { "DC.source": sourceUrl } : {}),
  };
}

/** A public note's permalink page: the note's tags (the Cite this note dialog's facts). */
export function noteMetaTags(source: Omit<NoteCitationSource, "accessedOn">): MetaTags {
  const title = noteTitle(source);
  return {
    citation_title: title,
    citation_author: source.author,
    citation_date: highwireDate(source.writtenOn),
    citation_publisher: CITATION_PUBLISHER,
    citation_language: "en",
    citation_public_url: source.url,
    citation_fulltext_html_url: source.url,
    "DC.title": title,
    "DC.creator": source.author,
    "DC.date": source.writtenOn,
    "DC.type": "Text",
    "DC.language": "en",
    "DC.publisher": CITATION_PUBLISHER,
    "DC.identifier": source.url,
    "DC.relation": `${source.letter.author}, ${source.letter.title}`,
  };
}

/** schema.org for the letter, and for a public note as a Comment on it. */
export function letterJsonLd(facts: CitationFacts, url: string, sourceUrl: string | null) {
  return {
    "@context": "https://schema.org",
    "@type": "CreativeWork",
    genre: "Letter",
    name: facts.title,
    author: { "@type": "Person", name: facts.author },
    ...(facts.writtenOn ? { dateCreated: facts.writtenOn } : {}),
    ...(facts.place ? { locationCreated: { "@type": "Place", name: facts.place } } : {}),
    inLanguage: "en",
    url,
    license: GFDL_URL,
    ...(sourceUrl ? { isBasedOn: sourceUrl } : {}),
    publisher: { "@type": "Organization", name: CITATION_PUBLISHER },
  };
}

export function noteJsonLd(source: Omit<NoteCitationSource, "accessedOn">, letterUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Comment",
    name: noteTitle(source),
    author: { "@type": "Person", name: source.author },
    dateCreated: source.writtenOn,
    inLanguage: "en",
    url: source.url,
    about: { "@type": "CreativeWork", name: source.letter.title, url: letterUrl },
    publisher: { "@type": "Organization", name: CITATION_PUBLISHER },
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: "<", ">" and "&" as \u escapes (and the two line separators
 * JavaScript once refused), so that no value — a display name holding "</script>" — can end the element or open
 * another; the text still parses to the same JSON.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
