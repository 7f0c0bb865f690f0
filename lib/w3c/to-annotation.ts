import type { NoteView } from "../annotations/note-view";
import { isValidIdentifier, type TIdentifierScheme } from "../references/reference-schemas";
import {
  annotationIri,
  entryIri,
  groupIri,
  letterIri,
  marginaliaContextIri,
  personIri,
  softwareIri,
  W3C_CONTEXT,
} from "./annotation-iris";

/**
 * A Marginalia note or reply as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/). Pure: the caller
 * has loaded the note, what it links to, and decided that the reader may see it.
 *
 * Why these body forms: every one must pass the W3C Working Group's MUST assertions and map back to exactly one
 * Marginalia field (lib/w3c/from-annotation.ts reads the same forms).
 * - Each field that is text is an Embedded Textual Body (`value`), so that any W3C client at least shows it.
 * - Bodies carry no `id`: the model counts a body with an `id` and no `source` as an External Web Resource, which
 *   MUST NOT have a `purpose` (3.3.5-bodyEWRNoPurpose), and the purpose is what tells the bodies apart.
 * - Sources and the reference type use standard purposes ("linking", "classifying") plus a second `type` of
 *   Marginalia's (Source, ReferenceType) that makes them unambiguous to a client that knows Marginalia's context.
 * - The index entry is a Specific Resource with purpose "identifying" whose source is the entry's IRI, with
 *   owl:sameAs links to the authority records (Wikidata, VIAF, GeoNames, GND) for Linked Data readers to follow.
 */

/** The fragment syntax of a paragraph anchor: a URI fragment (RFC 3986), the letter page's element id. */
export const FRAGMENT_CONFORMS_TO = "http://tools.ietf.org/rfc/rfc3986";
/** Also accepted on input: the W3C model's table names RFC 3236 (XHTML's media type) for HTML fragments. */
export const ACCEPTED_FRAGMENT_SPECS: ReadonlySet<string> = new Set([FRAGMENT_CONFORMS_TO, "http://tools.ietf.org/rfc/rfc3236"]);

export const SOURCE_PURPOSE = "linking";
export const REFERENCE_TYPE_PURPOSE = "classifying";
export const ENTRY_PURPOSE = "identifying";

export type CommentBody = { type: "TextualBody"; value: string; format: "text/markdown"; purpose: "commenting" };
export type TagBody = { type: "TextualBody"; value: string; purpose: "tagging" };
export type ReferenceTypeBody = { type: ["TextualBody", "ReferenceType"]; value: string; purpose: typeof REFERENCE_TYPE_PURPOSE };
export type SourceBody = {
  type: ["TextualBody", "Source"];
  value: string;
  format: "text/plain";
  purpose: typeof SOURCE_PURPOSE;
  url?: string;
  doi?: string;
};
export type EntryBody = {
  type: "SpecificResource";
  purpose: typeof ENTRY_PURPOSE;
  source: { id: string; label: string; sameAs?: string[] };
};
export type AnnotationBody = CommentBody | TagBody | ReferenceTypeBody | SourceBody | EntryBody;

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type FragmentSelector = {
  type: "FragmentSelector";
  conformsTo: typeof FRAGMENT_CONFORMS_TO;
  value: string;
  refinedBy?: [TextQuoteSelector, TextPositionSelector];
};
/** A note's target: a paragraph of the letter, refined to a passage when it has one. */
export type PassageTarget = { source: string; selector: FragmentSelector };

export type Agent = { id: string; type: "Person" | "Software"; name: string };

export type WebAnnotation = {
  "@context": [string, string];
  id: string;
  type: "Annotation";
  motivation: "commenting" | "replying";
  created: string;
  modified: string;
  generator: Agent;
  /** Absent on a deleted placeholder, which says nothing about who wrote what is gone. */
  creator?: Agent;
  canonical?: string;
  via?: string;
  visibility: "private" | "group" | "public";
  group?: string;
  moderationStatus: string;
  anchorStatus?: "anchored" | "orphan";
  thread?: string;
  replyCount?: number;
  deleted?: true;
  /** Absent on a deleted placeholder: a bodyless annotation is allowed by the model. */
  body?: AnnotationBody[];
  /** A note's passage, or for a reply the IRI of the annotation it answers. */
  target: PassageTarget | string;
};

/** The index entry a note links to, with its authority identifiers (null where unknown). */
export type LinkedEntry = {
  id: string;
  name: string;
  wikidata: string | null;
  viaf: string | null;
  geonames: string | null;
  gnd: string | null;
};

export type AnnotatableNote = NoteView & { canonical: string | null; via: string | null };

/** The authorities' entity IRIs (not their web pages: these name the thing itself), in a fixed order. */
const AUTHORITY_IRIS: [TIdentifierScheme, (id: string) => string][] = [
  ["wikidata", (id) => `http://www.wikidata.org/entity/${id}`],
  ["viaf", (id) => `http://viaf.org/viaf/${id}`],
  ["geonames", (id) => `https://sws.geonames.org/${id}/`],
  ["gnd", (id) => `https://d-nb.info/gnd/${id}`],
];

function authorityIris(entry: LinkedEntry): string[] {
  // A malformed stored identifier is left out rather than published as a link to nothing (or to something else).
  return AUTHORITY_IRIS.flatMap(([scheme, iri]) => {
    const id = entry[scheme];
    return id !== null && isValidIdentifier(scheme, id) ? [iri(id)] : [];
  });
}

function entryBody(appUrl: string, entry: LinkedEntry): EntryBody {
  const sameAs = authorityIris(entry);
  return {
    type: "SpecificResource",
    purpose: ENTRY_PURPOSE,
    source: { id: entryIri(appUrl, entry.id), label: entry.name, ...(sameAs.length > 0 ? { sameAs } : {}) },
  };
}

function sourceBody(source: NoteView["sources"][number]): SourceBody {
  return {
    type: ["TextualBody", "Source"],
    value: source.citation,
    format: "text/plain",
    purpose: SOURCE_PURPOSE,
    ...(source.url !== undefined ? { url: source.url } : {}),
    ...(source.doi !== undefined ? { doi: source.doi } : {}),
  };
}

/**
 * The entry to describe: the caller's, with its identifiers, when it is the one the view shows; the view's alone
 * otherwise. The view decides, since it is what this reader may see.
 */
function linkedEntryOf(note: NoteView, entry: LinkedEntry | null): LinkedEntry | null {
  if (!note.referenceEntry) return null;
  if (entry && entry.id === note.referenceEntry.id) return entry;
  return { ...note.referenceEntry, wikidata: null, viaf: null, geonames: null, gnd: null };
}

function noteBodies(appUrl: string, note: NoteView, entry: LinkedEntry | null): AnnotationBody[] {
  const bodies: AnnotationBody[] = [{ type: "TextualBody", value: note.body, format: "text/markdown", purpose: "commenting" }];
  if (note.threadId !== null) return bodies; // A reply has no tags, type, sources or entry of its own.
  for (const tag of note.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  bodies.push({ type: ["TextualBody", "ReferenceType"], value: note.referenceType, purpose: REFERENCE_TYPE_PURPOSE });
  const linked = linkedEntryOf(note, entry);
  if (linked) bodies.push(entryBody(appUrl, linked));
  for (const source of note.sources) bodies.push(sourceBody(source));
  return bodies;
}

function passageTarget(appUrl: string, slug: string, note: NoteView): PassageTarget {
  const selector: FragmentSelector = { type: "FragmentSelector", conformsTo: FRAGMENT_CONFORMS_TO, value: note.paragraph };
  if (note.quote && note.position) {
    // Stored as the W3C selectors count: code points within the paragraph's text, so they pass through unchanged.
    selector.refinedBy = [
      { type: "TextQuoteSelector", exact: note.quote.exact, prefix: note.quote.prefix, suffix: note.quote.suffix },
      { type: "TextPositionSelector", start: note.position.start, end: note.position.end },
    ];
  }
  return { source: letterIri(appUrl, slug), selector };
}

/**
 * One note or reply as an annotation with its own @context. A reply targets the annotation it answers; a deleted
 * placeholder keeps its target (the thread needs its place) but has no body and no creator.
 */
export function toAnnotation(
  note: AnnotatableNote,
  { appUrl, slug, entry }: { appUrl: string; slug: string; entry: LinkedEntry | null },
): WebAnnotation {
  const isReply = note.threadId !== null;
  const answered = note.parentId ?? note.threadId;
  return {
    "@context": [W3C_CONTEXT, marginaliaContextIri(appUrl)],
    id: annotationIri(appUrl, slug, note.id),
    type: "Annotation",
    motivation: isReply ? "replying" : "commenting",
    created: note.createdAt,
    modified: note.updatedAt,
    generator: { id: softwareIri(appUrl), type: "Software", name: "Marginalia" },
    ...(note.deleted ? {} : { creator: { id: personIri(appUrl, note.author.id), type: "Person" as const, name: note.author.displayName } }),
    ...(note.canonical !== null ? { canonical: note.canonical } : {}),
    ...(note.via !== null ? { via: note.via } : {}),
    visibility: note.visibility,
    ...(note.visibility === "group" && note.group ? { group: groupIri(appUrl, note.group.id) } : {}),
    moderationStatus: note.moderationStatus,
    ...(isReply ? { thread: annotationIri(appUrl, slug, note.threadId!) } : { anchorStatus: note.anchorStatus, replyCount: note.replyCount }),
    ...(note.deleted ? { deleted: true as const } : { body: noteBodies(appUrl, note, entry) }),
    target: isReply ? annotationIri(appUrl, slug, answered!) : passageTarget(appUrl, slug, note),
  };
}
