import { AppError } from "../errors/app-error";
import { annotationIri, groupIri } from "../w3c/annotation-iris";
import { parseAnnotation, type ParsedAnnotation } from "../w3c/from-annotation";
import { marginaliaOriginOf } from "./import-contexts";
import type { ImportItemDraft } from "./import-item";
import { readCreated, readCreator, refuse, type Json } from "./import-fields";

/**
 * One annotation of a Marginalia export (this instance's or another's), read by parseAnnotation, the protocol's own
 * reader, so that an export and a POST can never be understood differently. It is read against the origin of the
 * instance that wrote it (from its @context): that instance's letter, group, entry and annotation IRIs are the
 * valid ones. parseAnnotation throws on the first problem; here that is this one annotation's refusal.
 */

export type MarginaliaParseOptions = { slug: string; context: unknown };

/** parseAnnotation's error as a reason: its message, after the JSON path it names. */
function reasonOf(error: AppError): string {
  const [path] = Object.keys(error.details.fields ?? {});
  return path && path !== "_" ? `${path}: ${error.message}` : error.message;
}

/** parseAnnotation, with its refusal as this annotation's. */
function readAnnotation(annotation: Json, origin: string, slug: string): ParsedAnnotation {
  try {
    return parseAnnotation(annotation, { appUrl: origin, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") refuse(reasonOf(error));
    throw error;
  }
}

export function parseMarginaliaAnnotation(annotation: Json, { slug, context }: MarginaliaParseOptions): ImportItemDraft[] {
  const origin = marginaliaOriginOf(context) ?? refuse("@context: not a Marginalia export");
  // Kept in an export so that its replies have their place; it has no text of its own to import.
  if (annotation.deleted === true) refuse("A deleted note's placeholder (kept for its replies): nothing to import");
  const parsed = readAnnotation({ ...annotation, "@context": context }, origin, slug);
  const base = {
    originalId: parsed.id,
    canonical: parsed.canonical,
    source: "marginalia" as const,
    creator: readCreator(parsed.creator),
    created: readCreated(parsed.created),
  };
  if (parsed.kind === "reply") {
    return [{ kind: "reply", ...base, inReplyTo: annotationIri(origin, slug, parsed.targetId), body: parsed.body }];
  }
  const { note } = parsed;
  return [
    {
      kind: "note",
      ...base,
      quote: note.quote ? { exact: note.quote.exact, prefix: note.quote.prefix, suffix: note.quote.suffix } : null,
      paragraphHint: note.paragraph,
      positionHint: note.position ? { start: note.position.start, end: note.position.end, unit: "code-points-in-paragraph" } : null,
      body: note.body,
      tags: note.tags,
      sources: note.sources,
      referenceType: note.referenceType,
      referenceEntryId: note.referenceEntryId ?? null,
      visibility: note.visibility,
      groupIri: note.groupId ? groupIri(origin, note.groupId) : null,
    },
  ];
}
