import { z } from "zod";
import { REFERENCE_TYPES, ZCreateNote, type TCreateNote } from "../annotations/note-schemas";
import { codePointLength } from "../anchoring/code-point-text";
import { AppError } from "../errors/app-error";
import { ZNoteBody } from "../markdown/note-body-schema";
import {
  containerIri,
  entryIri,
  letterIri,
  marginaliaContextIri,
  parseAnnotationIri,
  parseEntryIri,
  parseGroupIri,
  W3C_CONTEXT,
} from "./annotation-iris";
import { MARGINALIA_TERMS } from "./marginalia-context";
import { ACCEPTED_FRAGMENT_SPECS, ENTRY_PURPOSE, REFERENCE_TYPE_PURPOSE, SOURCE_PURPOSE } from "./to-annotation";

/**
 * A W3C Web Annotation sent through the protocol (POST, PUT), read back into what Marginalia stores: the inverse of
 * toAnnotation, and as strict as it. Bad input is always an AppError("bad_request") whose `fields` name the JSON
 * path at fault (e.g. `body[2].value`), so a client can tell exactly what to fix. Nothing is ever fetched: only the
 * W3C context and Marginalia's own are understood, and a key neither defines is refused rather than dropped, since
 * dropping it would store something other than what the client meant.
 */

type Provenance = {
  /** `canonical` and `via` IRIs as sent, null when absent. */
  canonical: string | null;
  via: string | null;
  /** The annotation's `id` as sent (a PUT compares it with the resource's), null when absent. */
  id: string | null;
  /** As sent (undefined when absent): server-managed, for the caller to compare, never to store. */
  creator: unknown;
  created: unknown;
};

export type ParsedAnnotation =
  | ({ kind: "note"; note: TCreateNote } & Provenance)
  | ({ kind: "reply"; /** The uuid of the annotation answered. */ targetId: string; body: string } & Provenance);

export const MAX_BODIES = 50;
/** Bounds the walk over the input: Marginalia's own annotations nest 5 deep and hold no list longer than 50. */
const MAX_DEPTH = 10;
const MAX_ARRAY = 100;

/** The Web Annotation context's property terms (http://www.w3.org/ns/anno.jsonld), excluding prefixes and classes. */
const W3C_TERMS: ReadonlySet<string> = new Set([
  "id", "type", "body", "target", "source", "selector", "state", "scope", "refinedBy", "startSelector", "endSelector",
  "renderedVia", "creator", "generator", "rights", "homepage", "via", "canonical", "stylesheet", "cached",
  "conformsTo", "items", "partOf", "first", "last", "next", "prev", "audience", "motivation", "purpose",
  "textDirection", "accessibility", "bodyValue", "format", "language", "processingLanguage", "value", "exact",
  "prefix", "suffix", "styleClass", "name", "email", "email_sha1", "nickname", "label", "created", "modified",
  "generated", "sourceDate", "sourceDateStart", "sourceDateEnd", "start", "end", "total", "startIndex",
]);

/** Paragraph anchors, as lib/annotations/note-schemas.ts accepts them. */
const PARAGRAPH_ANCHOR = /^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/;
/** Any scheme (urn:uuid: is common for canonical); no white space or characters an IRI may not hold. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new AppError("bad_request", message, { fields: { [path]: [message] } });
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const at = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

// --- Context, type and vocabulary --------------------------------------------------------------------------------

function checkContext(context: unknown, appUrl: string): void {
  const own = marginaliaContextIri(appUrl);
  const message = `@context may name only ${W3C_CONTEXT} and ${own}: remote contexts are not fetched and inline ones are not applied`;
  if (context === undefined) fail("@context", `An annotation names its @context: ${W3C_CONTEXT}`);
  const entries = asList(context);
  if (!entries.every((entry) => entry === W3C_CONTEXT || entry === own)) fail("@context", message);
  if (!entries.includes(W3C_CONTEXT)) fail("@context", `@context must include ${W3C_CONTEXT}`);
}

function checkType(type: unknown): void {
  if (!asList(type).includes("Annotation")) fail("type", 'Not an annotation: its type must be "Annotation"');
}

/**
 * Every key anywhere must be a term of the two contexts: anything else would mean nothing to a JSON-LD reader (it
 * is dropped on expansion), so refusing it is the honest answer. Bounded so that a deep or wide input costs little.
 */
function checkTerms(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) fail(path, "Nested too deeply for an annotation");
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY) fail(path, `At most ${MAX_ARRAY} values in a list`);
    value.forEach((item, index) => checkTerms(item, at(path, index), depth + 1));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const keyPath = at(path, key);
    if (key === "@context" && depth === 0) continue;
    if (!W3C_TERMS.has(key) && !MARGINALIA_TERMS.has(key)) {
      fail(keyPath, `Unknown Marginalia term "${key}": neither the W3C annotation vocabulary nor Marginalia's context defines it`);
    }
    checkTerms(inner, keyPath, depth + 1);
  }
}

// --- Small readers -----------------------------------------------------------------------------------------------

function optionalIri(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length > 2000 || !IRI.test(value)) fail(path, "An IRI, e.g. urn:uuid:… or https://…");
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(path, "Must be text");
  return value;
}

/** The IRI a reference names: the string itself, or an object's `id` (a W3C External Web Resource). */
function iriOf(value: unknown): unknown {
  return isObject(value) ? value.id : value;
}

/** One value where the model allows a list: a single value, or a list of exactly one. */
function single(value: unknown, path: string, what: string): { value: unknown; path: string } {
  if (!Array.isArray(value)) return { value, path };
  if (value.length !== 1) fail(path, `One ${what} only`);
  return { value: value[0], path: at(path, 0) };
}

// --- Target ------------------------------------------------------------------------------------------------------

type NoteTarget = {
  paragraph: string;
  quote?: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
  /** Where each part came from, for error messages. */
  paths: { paragraph: string; quote: string; position: string; refinedBy: string };
};

function paragraphOf(value: unknown, path: string): string {
  if (typeof value !== "string" || !PARAGRAPH_ANCHOR.test(value)) fail(path, "Not a paragraph anchor (p12, s3, dateline, fn4)");
  return value;
}

/** The refinement of a paragraph to a passage: a TextQuoteSelector and a TextPositionSelector, in either order. */
function readRefinement(refinedBy: unknown, path: string, target: NoteTarget): void {
  const selectors = asList(refinedBy);
  if (selectors.length > 2) fail(path, "A passage is refined by a TextQuoteSelector and a TextPositionSelector");
  const listPath = (index: number) => (Array.isArray(refinedBy) ? at(path, index) : path);
  selectors.forEach((selector, index) => {
    const selectorPath = listPath(index);
    if (!isObject(selector)) fail(selectorPath, "A selector is an object");
    if (selector.type === "TextQuoteSelector" && !target.quote) {
      const exact = selector.exact;
      if (typeof exact !== "string") fail(at(selectorPath, "exact"), "The quoted passage is text");
      target.quote = {
        exact,
        prefix: optionalString(selector.prefix, at(selectorPath, "prefix")) ?? "",
        suffix: optionalString(selector.suffix, at(selectorPath, "suffix")) ?? "",
      };
      target.paths.quote = selectorPath;
    } else if (selector.type === "TextPositionSelector" && !target.position) {
      const { start, end } = selector;
      if (!Number.isSafeInteger(start)) fail(at(selectorPath, "start"), "A position is a whole number of code points");
      if (!Number.isSafeInteger(end)) fail(at(selectorPath, "end"), "A position is a whole number of code points");
      target.position = { start: start as number, end: end as number };
      target.paths.position = selectorPath;
    } else {
      fail(selectorPath, "A passage is refined by one TextQuoteSelector and one TextPositionSelector");
    }
  });
  if (target.quote && target.position && target.position.end - target.position.start !== codePointLength(target.quote.exact)) {
    fail(target.paths.position, "The position must span as many code points as the quote");
  }
}

/**
 * A note's target: this letter, at a paragraph — `{ source: <letter>, selector: FragmentSelector("p12", refined to
 * a passage or not) }`, or the IRI `<letter>#p12` for a whole paragraph.
 */
function readNoteTarget(raw: unknown, appUrl: string, slug: string): NoteTarget {
  if (raw === undefined) fail("target", `An annotation needs a target: a paragraph of ${letterIri(appUrl, slug)}`);
  const { value, path } = single(raw, "target", "target");
  const letter = letterIri(appUrl, slug);
  const elsewhere = `The target must be a paragraph of this letter (${letter}#p12, or ${letter} with a FragmentSelector)`;
  const paths = { paragraph: path, quote: path, position: path, refinedBy: path };
  const iri = isObject(value) && value.source === undefined ? value.id : value;
  if (typeof iri === "string") {
    if (!iri.startsWith(`${letter}#`)) fail(path, elsewhere);
    return { paragraph: paragraphOf(iri.slice(letter.length + 1), path), paths };
  }
  if (!isObject(value)) fail(path, elsewhere);
  if (iriOf(value.source) !== letter) fail(at(path, "source"), elsewhere);
  if (value.selector === undefined) fail(at(path, "selector"), "Choose a paragraph: a FragmentSelector whose value is its anchor (p12)");
  const chosen = single(value.selector, at(path, "selector"), "selector (a FragmentSelector naming the paragraph)");
  const selector = chosen.value;
  if (!isObject(selector) || selector.type !== "FragmentSelector") fail(chosen.path, "The selector must be a FragmentSelector naming the paragraph (p12)");
  if (selector.conformsTo !== undefined && !ACCEPTED_FRAGMENT_SPECS.has(selector.conformsTo as string)) {
    fail(at(chosen.path, "conformsTo"), `A paragraph anchor is a URI fragment: conformsTo ${[...ACCEPTED_FRAGMENT_SPECS].join(" or ")}`);
  }
  const target: NoteTarget = {
    paragraph: paragraphOf(selector.value, at(chosen.path, "value")),
    paths: { ...paths, paragraph: at(chosen.path, "value"), refinedBy: at(chosen.path, "refinedBy") },
  };
  if (selector.refinedBy !== undefined) readRefinement(selector.refinedBy, at(chosen.path, "refinedBy"), target);
  return target;
}

/** A reply's target: an annotation of this container, as an IRI (or an object with that `id`). */
function readReplyTarget(raw: unknown, appUrl: string, slug: string): string {
  if (raw === undefined) fail("target", "A reply targets the annotation it answers");
  const { value, path } = single(raw, "target", "target");
  const parsed = parseAnnotationIri(appUrl, iriOf(value));
  if (!parsed || parsed.slug !== slug) fail(path, `A reply targets an annotation of this container (${containerIri(appUrl, slug)}<id>)`);
  return parsed.id;
}

// --- Bodies ------------------------------------------------------------------------------------------------------

type Bodies = {
  comment?: { value: string; path: string };
  tags: { value: string; path: string }[];
  referenceType?: { value: string; path: string };
  entry?: { value: string; path: string };
  sources: { value: { citation: string; url?: string; doi?: string }; path: string }[];
};

function purposeOf(body: Json, path: string): string | undefined {
  const { value } = single(body.purpose, at(path, "purpose"), "purpose");
  if (value !== undefined && typeof value !== "string") fail(at(path, "purpose"), "A purpose is a term such as commenting or tagging");
  return value;
}

function textOf(body: Json, path: string): string {
  if (typeof body.value !== "string") fail(at(path, "value"), "A textual body's value is text");
  return body.value;
}

const BODY_FORMS =
  "Marginalia stores a commenting TextualBody (the note), tagging and classifying TextualBodies, a linking TextualBody (a source) and an identifying SpecificResource (an index entry)";

/** Sorts one body into the note field it carries, by its purpose (and Marginalia's second type, when present). */
function readBody(body: unknown, path: string, appUrl: string, into: Bodies): void {
  if (typeof body === "string") fail(path, `An IRI body cannot be stored: ${BODY_FORMS}`);
  if (!isObject(body)) fail(path, "A body is an object");
  const types = asList(body.type);
  const purpose = purposeOf(body, path);
  const textual = types.includes("TextualBody") || (body.type === undefined && body.value !== undefined);
  const once = (field: "comment" | "referenceType" | "entry", value: string, what: string) => {
    if (into[field]) fail(path, `One ${what} only (the first is ${into[field]!.path})`);
    into[field] = { value, path: field === "entry" ? at(path, "source") : at(path, "value") };
  };
  if (types.includes("Source") || (textual && purpose === SOURCE_PURPOSE)) {
    if (!textual || (purpose !== undefined && purpose !== SOURCE_PURPOSE)) fail(path, `A source is a TextualBody with purpose ${SOURCE_PURPOSE}`);
    const url = optionalString(body.url, at(path, "url"));
    const doi = optionalString(body.doi, at(path, "doi"));
    into.sources.push({ value: { citation: textOf(body, path), ...(url !== undefined ? { url } : {}), ...(doi !== undefined ? { doi } : {}) }, path });
  } else if (types.includes("ReferenceType") || (textual && purpose === REFERENCE_TYPE_PURPOSE)) {
    if (!textual || (purpose !== undefined && purpose !== REFERENCE_TYPE_PURPOSE)) fail(path, `A reference type is a TextualBody with purpose ${REFERENCE_TYPE_PURPOSE}`);
    const value = textOf(body, path);
    if (!(REFERENCE_TYPES as readonly string[]).includes(value)) fail(at(path, "value"), `Unknown reference type "${value}": one of ${REFERENCE_TYPES.join(", ")}`);
    once("referenceType", value, "reference type");
  } else if (textual && purpose === "tagging") {
    into.tags.push({ value: textOf(body, path), path: at(path, "value") });
  } else if (textual && (purpose === undefined || purpose === "commenting" || purpose === "replying")) {
    if (body.format !== undefined && body.format !== "text/markdown" && body.format !== "text/plain") {
      fail(at(path, "format"), "A note is Markdown: format text/markdown (or text/plain)");
    }
    once("comment", textOf(body, path), "commenting body (the note's text)");
  } else if (purpose === ENTRY_PURPOSE && (types.includes("SpecificResource") || body.source !== undefined)) {
    const entryId = parseEntryIri(appUrl, iriOf(body.source));
    if (entryId === null) fail(at(path, "source"), `Not an entry of the reference index (${entryIri(appUrl, "<id>")})`);
    once("entry", entryId, "index entry");
  } else {
    fail(path, BODY_FORMS);
  }
}

function readBodies(json: Json, appUrl: string): Bodies {
  const into: Bodies = { tags: [], sources: [] };
  if (json.body !== undefined && json.bodyValue !== undefined) fail("bodyValue", "Send body or bodyValue, not both");
  if (json.bodyValue !== undefined) {
    if (typeof json.bodyValue !== "string") fail("bodyValue", "bodyValue is the note's text");
    into.comment = { value: json.bodyValue, path: "bodyValue" };
    return into;
  }
  const bodies = asList(json.body);
  if (bodies.length > MAX_BODIES) fail("body", `At most ${MAX_BODIES} bodies`);
  bodies.forEach((body, index) => readBody(body, Array.isArray(json.body) ? at("body", index) : "body", appUrl, into));
  if (!into.comment) fail("body", "Write the note: a commenting TextualBody (or bodyValue) holds its text");
  return into;
}

// --- Validation of what is stored, with the JSON paths it came from ----------------------------------------------

/** Zod's issues on the assembled note, each under the JSON path of the value it is about. */
function fieldsOf(error: z.ZodError, pathOf: (path: PropertyKey[]) => string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[pathOf(issue.path)] ??= []).push(issue.message);
  return fields;
}

function refuse(error: z.ZodError, pathOf: (path: PropertyKey[]) => string): never {
  throw new AppError("bad_request", error.issues[0]?.message ?? "Invalid annotation", { fields: fieldsOf(error, pathOf) });
}

function notePathOf(target: NoteTarget, bodies: Bodies) {
  return ([field, index, detail]: PropertyKey[]): string => {
    const rest = (base: string, key: PropertyKey | undefined) => (key === undefined ? base : at(base, String(key)));
    switch (field) {
      case "paragraph":
        return target.paths.paragraph;
      case "quote":
        return index === undefined ? target.paths.refinedBy : rest(target.paths.quote, index);
      case "position":
        return index === undefined ? target.paths.position : rest(target.paths.position, index);
      case "body":
        return bodies.comment?.path ?? "body";
      case "tags":
        return typeof index === "number" ? (bodies.tags[index]?.path ?? "body") : "body";
      case "sources": {
        const source = typeof index === "number" ? bodies.sources[index] : undefined;
        if (!source) return "body";
        return at(source.path, detail === "citation" || detail === undefined ? "value" : String(detail));
      }
      case "referenceType":
        return bodies.referenceType?.path ?? "body";
      case "referenceEntryId":
        return bodies.entry?.path ?? "body";
      case "groupId":
        return "group";
      case "visibility":
        return "visibility";
      default:
        return "_";
    }
  };
}

function readNote(json: Json, appUrl: string, slug: string): TCreateNote {
  const target = readNoteTarget(json.target, appUrl, slug);
  const bodies = readBodies(json, appUrl);
  let groupId: string | undefined;
  if (json.group !== undefined) {
    const parsed = parseGroupIri(appUrl, iriOf(json.group));
    if (parsed === null) fail("group", `Not a group of this site (${appUrl}/groups/<id>)`);
    groupId = parsed;
  }
  const candidate = {
    paragraph: target.paragraph,
    ...(target.quote ? { quote: target.quote } : {}),
    ...(target.position ? { position: target.position } : {}),
    // A plain W3C client knows nothing of reference types: its note is "other" until someone classifies it.
    referenceType: bodies.referenceType?.value ?? "other",
    body: bodies.comment!.value,
    tags: bodies.tags.map((tag) => tag.value),
    sources: bodies.sources.map((source) => source.value),
    visibility: json.visibility ?? "public",
    ...(groupId ? { groupId } : {}),
    // Absent means none: an annotation is a whole representation, so a PUT without an entry unlinks it.
    referenceEntryId: bodies.entry?.value ?? null,
  };
  const result = ZCreateNote.safeParse(candidate);
  if (!result.success) refuse(result.error, notePathOf(target, bodies));
  return result.data;
}

function readReplyBody(json: Json, appUrl: string): string {
  const bodies = readBodies(json, appUrl);
  const extra = bodies.tags[0]?.path ?? bodies.sources[0]?.path ?? bodies.referenceType?.path ?? bodies.entry?.path;
  if (extra) fail(extra, "A reply has only its text: its thread's note holds the tags, sources, reference type and index entry");
  const result = ZNoteBody.safeParse(bodies.comment!.value);
  if (!result.success) refuse(result.error, () => bodies.comment!.path);
  return result.data;
}

/** A motivation Marginalia can store: commenting (a note) or replying (a reply); absent is a note. */
function isReplying(motivation: unknown): boolean {
  const { value } = single(motivation, "motivation", "motivation");
  if (value === undefined || value === "commenting") return false;
  if (value === "replying") return true;
  return fail("motivation", "Marginalia stores notes (motivation commenting) and replies (motivation replying)");
}

/**
 * Reads a W3C annotation for the letter `slug`: a note on one of its paragraphs (motivation commenting, or none) or
 * a reply to one of its annotations (motivation replying). Throws AppError("bad_request") naming the JSON path.
 */
export function parseAnnotation(json: unknown, { appUrl, slug }: { appUrl: string; slug: string }): ParsedAnnotation {
  if (!isObject(json)) fail("_", "An annotation is a JSON object");
  checkContext(json["@context"], appUrl);
  checkType(json.type);
  checkTerms(json, "", 0);
  const provenance: Provenance = {
    canonical: optionalIri(json.canonical, "canonical"),
    via: optionalIri(json.via, "via"),
    id: optionalIri(json.id, "id"),
    creator: json.creator,
    created: json.created,
  };
  if (isReplying(json.motivation)) {
    const targetId = readReplyTarget(json.target, appUrl, slug);
    return { kind: "reply", targetId, body: readReplyBody(json, appUrl), ...provenance };
  }
  if (parseAnnotationIri(appUrl, iriOf(single(json.target, "target", "target").value))) {
    fail("motivation", "To answer an annotation, send motivation replying");
  }
  return { kind: "note", note: readNote(json, appUrl, slug), ...provenance };
}
