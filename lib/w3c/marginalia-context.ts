/**
 * Marginalia's JSON-LD context (served at MARGINALIA_CONTEXT_PATH): the few terms its annotations need beyond the
 * W3C vocabulary (http://www.w3.org/ns/anno.jsonld). Terms of its own live under `${appUrl}/ns/marginalia#`; where
 * a well-known vocabulary already has the exact meaning (owl:sameAs, schema:url) the term maps to that instead, so
 * that a Linked Data reader needs nothing of ours to understand it.
 *
 * One table defines both the document and the set of keys the parser accepts, so the two cannot drift apart.
 */

type TermDefinition = { "@id": string; "@type"?: string };

/** Property terms (keys an annotation may carry) and what each means. */
const PROPERTIES = {
  /** Who may read the note: "private" (its author), "group" (the members of `group`), "public". */
  visibility: { ns: "visibility" },
  /** The group a group note is shared with (an IRI `${appUrl}/groups/<id>`). */
  group: { ns: "group", type: "@id" },
  /** Moderation state ("approved", "pending", "hidden", "spam"): set by moderators, ignored on input. */
  moderationStatus: { ns: "moderationStatus" },
  /** Whether the note still finds its passage after corrections ("anchored") or lost it ("orphan"); ignored on input. */
  anchorStatus: { ns: "anchorStatus" },
  /** On a reply: the annotation that opened its thread (its target is the one it answers). Ignored on input. */
  thread: { ns: "thread", type: "@id" },
  /** On a note: how many replies its thread has (deleted ones not counted). Ignored on input. */
  replyCount: { ns: "replyCount", type: "http://www.w3.org/2001/XMLSchema#nonNegativeInteger" },
  /** `true` on the placeholder of a deleted note kept for its replies (it has no body and no creator). */
  deleted: { ns: "deleted", type: "http://www.w3.org/2001/XMLSchema#boolean" },
  /** On a Source body: the cited work's DOI as written ("10.1234/abcd"). */
  doi: { ns: "doi" },
  /** On a Source body: where the cited work can be read. */
  url: { iri: "http://schema.org/url", type: "@id" },
  /** On an index entry (the source of an identifying body): the authority records of what it names. */
  sameAs: { iri: "http://www.w3.org/2002/07/owl#sameAs", type: "@id" },
} satisfies Record<string, { ns?: string; iri?: string; type?: string }>;

/** Classes, used as a second `type` of a TextualBody to say which Marginalia field it carries. */
const CLASSES = {
  /** A bibliographic source of the note: `value` is the citation, with optional `url` and `doi`. */
  Source: "Source",
  /** The note's reference type ("person", "place", …): `value` is the type (the body's purpose is "classifying"). */
  ReferenceType: "ReferenceType",
} as const;

/** The keys of Marginalia's own that the parser accepts beside the W3C vocabulary's. */
export const MARGINALIA_TERMS: ReadonlySet<string> = new Set(Object.keys(PROPERTIES));
/** The `type` values of Marginalia's own. */
export const MARGINALIA_TYPES: ReadonlySet<string> = new Set(Object.keys(CLASSES));

export const marginaliaNamespace = (appUrl: string) => `${appUrl}/ns/marginalia#`;

/** The context document itself, for `${appUrl}/ns/marginalia.jsonld`. */
export function marginaliaContext(appUrl: string): { "@context": Record<string, string | TermDefinition> } {
  const ns = marginaliaNamespace(appUrl);
  const context: Record<string, string | TermDefinition> = {};
  for (const [term, definition] of Object.entries(PROPERTIES) as [string, { ns?: string; iri?: string; type?: string }][]) {
    const id = definition.iri ?? `${ns}${definition.ns}`;
    context[term] = definition.type ? { "@id": id, "@type": definition.type } : { "@id": id };
  }
  for (const [term, local] of Object.entries(CLASSES)) context[term] = `${ns}${local}`;
  return { "@context": context };
}
