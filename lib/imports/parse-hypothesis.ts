import type { ImportItemDraft, ImportPosition, ImportQuote } from "./import-item";
import { asList, creatorOf, isObject, readCreated, readId, readNoteBody, readPosition, readQuote, readTags, refuse, type Json } from "./import-fields";

/**
 * One annotation of a Hypothesis export (its API's annotation format): `text` is the Markdown note, `references`
 * lists the thread's ancestors (the last is the one answered, so any makes it a reply), and `target[0].selector`
 * holds the TextQuoteSelector and TextPositionSelector its client anchors with. Positions count UTF-16 units over the
 * text of the whole page the reader saw, so they are a hint only. A RangeSelector (XPaths into that page's DOM)
 * means nothing on this site's page and is ignored.
 */

const clipped = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** The quote and position of the first target (Hypothesis writes one), each null when absent. */
function readSelectors(target: unknown): { quote: ImportQuote | null; position: ImportPosition | null } {
  let quote: ImportQuote | null = null;
  let position: ImportPosition | null = null;
  const selectors = isObject(target) ? asList(target.selector) : [];
  for (const selector of selectors) {
    if (!isObject(selector)) continue;
    if (selector.type === "TextQuoteSelector" && !quote) quote = readQuote(selector);
    else if (selector.type === "TextPositionSelector" && !position) position = readPosition(selector, "utf16-in-page");
  }
  return { quote, position };
}

function readText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : refuse("text: a Hypothesis note's text is a string");
}

export function parseHypothesisAnnotation(annotation: Json, isLetter: (url: unknown) => boolean): ImportItemDraft[] {
  const target = asList(annotation.target)[0];
  const uri = typeof annotation.uri === "string" ? annotation.uri : isObject(target) ? target.source : undefined;
  if (!isLetter(uri)) {
    refuse(`Target elsewhere: ${typeof uri === "string" ? clipped(uri) : "no page"} is not this letter's page`);
  }
  const base = {
    originalId: readId(annotation.id),
    canonical: null,
    source: "hypothesis" as const,
    creator: creatorOf(annotation.user, isObject(annotation.user_info) ? annotation.user_info.display_name : null),
    created: readCreated(annotation.created),
  };
  if (annotation.references !== undefined && annotation.references !== null && !Array.isArray(annotation.references)) {
    refuse("references: the ids of the annotations a reply answers, a list");
  }
  const references = asList(annotation.references);
  if (references.length > 0) {
    // A reply's tags, and its target (the page again), are not kept: a reply has only its text.
    const inReplyTo = readId(references.at(-1)) ?? refuse("references: the last one, the annotation answered, must be an id");
    return [{ kind: "reply", ...base, inReplyTo, body: readNoteBody(readText(annotation.text)) }];
  }
  if (annotation.tags !== undefined && annotation.tags !== null && !Array.isArray(annotation.tags)) refuse("tags: a list of tags");
  // A page note has no selector: quote null, and the caller decides where (or whether) it goes.
  const { quote, position } = readSelectors(target);
  return [
    {
      kind: "note",
      ...base,
      quote,
      paragraphHint: null,
      positionHint: position,
      body: readNoteBody(readText(annotation.text)),
      tags: readTags(asList(annotation.tags)),
      sources: [],
      referenceType: null,
      referenceEntryId: null,
      visibility: null,
      groupIri: null,
    },
  ];
}
