import { AppError } from "../errors/app-error";
import { asList, isObject, type Json } from "./import-fields";
import { marginaliaOriginOf } from "./import-contexts";
import { MAX_IMPORT_ITEMS, type ImportSource } from "./import-item";

/**
 * Which format a parsed file is in, and its annotations in file order. A shape none of the three formats has refuses
 * the whole file: guessing would import something other than what the person exported.
 *
 * - Hypothesis's export (its client's "Export annotations"): `{ export_date, export_userid, client_version,
 *   annotations: [...] }`.
 * - W3C: an AnnotationCollection whose pages are embedded (`first`, then `next` while it is an object), an
 *   AnnotationPage, one Annotation, or a plain array of annotations. Pages given only as links are never fetched.
 */

export type DetectedFile =
  | { format: "hypothesis"; annotations: unknown[] }
  | {
      format: "w3c";
      annotations: unknown[];
      /** One per annotation: the @context it is read under (its own, else the nearest enclosing page's or collection's). */
      contexts: unknown[];
      /** The collection's generator, when it names one (Recogito's exports do). */
      generator: unknown;
    };

const UNRECOGNISED =
  "Not an annotation file this site can read: upload a Hypothesis JSON export, a W3C AnnotationCollection, AnnotationPage or Annotation, or a Marginalia export";

const tooMany = () =>
  new AppError("payload_too_large", `More than ${MAX_IMPORT_ITEMS.toLocaleString("en-US")} annotations: split the file into smaller exports`);

const typesOf = (json: Json): unknown[] => asList(json.type);

/**
 * The items of a page and of the pages embedded after it (`next` as an object). Iterative, so a long chain costs no
 * stack; it cannot be long anyway, each embedded page being one level deeper than the last.
 */
function pageItems(first: Json, inherited: unknown): { annotations: unknown[]; contexts: unknown[] } {
  const annotations: unknown[] = [];
  const contexts: unknown[] = [];
  let page: unknown = first;
  let context = inherited;
  while (isObject(page)) {
    if (!Array.isArray(page.items)) throw new AppError("bad_request", "An AnnotationPage holds its annotations in `items`");
    if (annotations.length + page.items.length > MAX_IMPORT_ITEMS) throw tooMany();
    context = page["@context"] ?? context;
    for (const item of page.items) {
      annotations.push(item);
      contexts.push(isObject(item) && item["@context"] !== undefined ? item["@context"] : context);
    }
    page = page.next; // A link (a string) ends the walk: only what the file embeds is imported, nothing is fetched.
  }
  return { annotations, contexts };
}

export function detectImportFormat(json: unknown): DetectedFile {
  if (Array.isArray(json)) {
    if (json.length > MAX_IMPORT_ITEMS) throw tooMany();
    return { format: "w3c", annotations: json, contexts: json.map((item) => (isObject(item) ? item["@context"] : undefined)), generator: undefined };
  }
  if (!isObject(json)) throw new AppError("bad_request", UNRECOGNISED);
  if (json.annotations !== undefined || json.export_date !== undefined) {
    if (!Array.isArray(json.annotations)) throw new AppError("bad_request", "A Hypothesis export holds its annotations in `annotations`, a list");
    if (json.annotations.length > MAX_IMPORT_ITEMS) throw tooMany();
    return { format: "hypothesis", annotations: json.annotations };
  }
  const types = typesOf(json);
  const context = json["@context"];
  if (types.includes("AnnotationCollection")) {
    if (!isObject(json.first)) {
      throw new AppError(
        "bad_request",
        "The collection's pages are not in the file (`first` is a link, or missing): this site never fetches them. Export the annotations with their pages embedded",
      );
    }
    return { format: "w3c", ...pageItems(json.first, context), generator: json.generator };
  }
  if (types.includes("AnnotationPage")) return { format: "w3c", ...pageItems(json, context), generator: json.generator };
  if (types.includes("Annotation")) return { format: "w3c", annotations: [json], contexts: [context], generator: undefined };
  throw new AppError("bad_request", UNRECOGNISED);
}

/** Whether an agent (a generator or creator: an IRI, or an object with id, name, homepage) is Recogito. */
function isRecogito(agent: unknown): boolean {
  return asList(agent).some((value) => {
    const texts = isObject(value) ? [value.id, value.name, value.homepage, value.label] : [value];
    return texts.some((text) => typeof text === "string" && /recogito/i.test(text));
  });
}

const hasReplyingBody = (annotation: Json) =>
  asList(annotation.body).some((body) => isObject(body) && asList(body.purpose).includes("replying"));

/**
 * Which kind of W3C file: Marginalia's own when every annotation is read under a Marginalia context (a file from
 * this instance or another); Recogito's when any annotation carries replies as `replying` bodies (its way of
 * threading) or names Recogito as generator or creator; a generic W3C file otherwise.
 */
export function w3cFlavour(file: Extract<DetectedFile, { format: "w3c" }>): Exclude<ImportSource, "hypothesis"> {
  const objects = file.annotations.filter(isObject);
  if (objects.length > 0 && file.contexts.every((context, index) => !isObject(file.annotations[index]) || marginaliaOriginOf(context) !== null)) {
    return "marginalia";
  }
  if (isRecogito(file.generator) || objects.some((annotation) => hasReplyingBody(annotation) || isRecogito(annotation.generator) || isRecogito(annotation.creator))) {
    return "recogito";
  }
  return "w3c";
}
