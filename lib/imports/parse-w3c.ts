import { MAX_BODIES } from "../w3c/from-annotation";
import { contextProblem } from "./import-contexts";
import type { ImportCreator, ImportItemDraft, ImportPosition, ImportQuote } from "./import-item";
import {
  asList,
  isObject,
  ItemRefusal,
  readCreated,
  readCreator,
  readId,
  readIri,
  readNoteBody,
  readPosition,
  readQuote,
  readTags,
  refuse,
  type Json,
} from "./import-fields";
import { PARAGRAPH_ANCHOR, paragraphOfFragment } from "./letter-urls";

/**
 * One annotation of a W3C file from another tool: a generic Web Annotation, or Recogito's. Read leniently where
 * leniency loses nothing (bodies with purposes a note has no field for are passed over) and strictly where it would
 * (a remote @context, a target on another page, text that cannot be stored).
 *
 * - Bodies: TextualBodies with purpose commenting (or none) are the note's text, tagging ones its tags, and
 *   replying ones (Recogito's threads) each a reply answering this annotation: `${id}#reply-${n}`, counted from 1.
 * - Target: the first one on the letter's page; a FragmentSelector naming a paragraph ("p12") is a paragraph hint
 *   whose refinement's positions count code points within it; a TextPositionSelector on the page itself is counted
 *   as the tool counted (JavaScript offsets over its own text), so a hint only.
 * - An annotation with motivation replying whose target is another annotation is a reply to it.
 */

export type W3cParseOptions = {
  source: "w3c" | "recogito";
  isLetter: (url: unknown) => boolean;
  /** The @context the annotation is read under (its own, or its page's or collection's). */
  context: unknown;
};

type TextBody = { value: string; creator: unknown; created: unknown };
type Bodies = { comments: TextBody[]; tags: string[]; replies: TextBody[] };

const clipped = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** Sorts the bodies by purpose; an IRI body, or a non-textual one (a linked entity, say), has no note field. */
function readBodies(annotation: Json): Bodies {
  const bodies: Bodies = { comments: [], tags: [], replies: [] };
  if (typeof annotation.bodyValue === "string") bodies.comments.push({ value: annotation.bodyValue, creator: undefined, created: undefined });
  const list = asList(annotation.body);
  if (list.length > MAX_BODIES) refuse(`body: more than ${MAX_BODIES} bodies`);
  list.forEach((body, index) => {
    if (!isObject(body)) return;
    const types = asList(body.type);
    const textual = types.includes("TextualBody") || (body.type === undefined && body.value !== undefined);
    if (!textual) return;
    if (typeof body.value !== "string") refuse(`body[${index}].value: a textual body's value is text`);
    const purposes = asList(body.purpose);
    const text = { value: body.value, creator: body.creator, created: body.created };
    if (purposes.includes("replying")) bodies.replies.push(text);
    else if (purposes.includes("tagging")) bodies.tags.push(body.value);
    else if (purposes.length === 0 || purposes.includes("commenting")) bodies.comments.push(text);
  });
  return bodies;
}

/** Several commenting bodies are one note: their texts in order, a blank line apart. */
const commentText = (comments: TextBody[]) => comments.map((comment) => comment.value.trim()).filter(Boolean).join("\n\n");

/** The IRI a target names: the target itself, its `source` (or the source's `id`), or its `id`. */
function sourceOf(target: unknown): unknown {
  if (typeof target === "string") return target;
  if (!isObject(target)) return undefined;
  if (target.source !== undefined) return isObject(target.source) ? target.source.id : target.source;
  return target.id;
}

type Place = { quote: ImportQuote | null; paragraphHint: string | null; positionHint: ImportPosition | null };

function readPlace(target: unknown, url: string): Place {
  const place: Place = { quote: null, paragraphHint: paragraphOfFragment(url), positionHint: null };
  const selectors = isObject(target) ? asList(target.selector) : [];
  for (const selector of selectors) {
    if (!isObject(selector)) continue;
    if (selector.type === "FragmentSelector") {
      const paragraph = typeof selector.value === "string" && PARAGRAPH_ANCHOR.test(selector.value) ? selector.value : null;
      if (paragraph) place.paragraphHint = paragraph;
      for (const refinement of asList(selector.refinedBy)) {
        if (!isObject(refinement)) continue;
        if (refinement.type === "TextQuoteSelector" && !place.quote) place.quote = readQuote(refinement);
        // Offsets within an unknown fragment are no hint at all; within a paragraph they are the W3C count.
        if (refinement.type === "TextPositionSelector" && paragraph && !place.positionHint) {
          place.positionHint = readPosition(refinement, "code-points-in-paragraph");
        }
      }
    } else if (selector.type === "TextQuoteSelector" && !place.quote) {
      place.quote = readQuote(selector);
    } else if (selector.type === "TextPositionSelector" && !place.positionHint) {
      place.positionHint = readPosition(selector, "utf16-in-page");
    }
  }
  return place;
}

function readReplyAnnotation(annotation: Json, bodies: Bodies, base: ReplyBase, options: W3cParseOptions): ImportItemDraft[] {
  const answered = readId(sourceOf(asList(annotation.target)[0]));
  if (answered === null) refuse("target: a reply names the annotation it answers");
  if (options.isLetter(answered)) refuse("target: a reply answers an annotation, but this one targets the letter itself");
  const body = readNoteBody([commentText(bodies.comments), commentText(bodies.replies)].filter(Boolean).join("\n\n"));
  return [{ kind: "reply", ...base, inReplyTo: answered, body }];
}

type ReplyBase = { originalId: string | null; canonical: string | null; source: "w3c" | "recogito"; creator: ImportCreator | null; created: string | null };

/** Each replying body as a reply to the annotation; one that cannot be imported is refused on its own. */
function bodyReplies(bodies: Bodies, annotationId: string | null, source: "w3c" | "recogito"): ImportItemDraft[] {
  return bodies.replies.map((reply, index): ImportItemDraft => {
    const originalId = annotationId === null ? null : `${annotationId}#reply-${index + 1}`;
    if (annotationId === null) return { kind: "refused", originalId, reason: "A reply in an annotation without an id: there is nothing to attach it to" };
    try {
      return {
        kind: "reply",
        originalId,
        canonical: null,
        source,
        inReplyTo: annotationId,
        body: readNoteBody(reply.value),
        creator: readCreator(reply.creator),
        created: readCreated(reply.created),
      };
    } catch (error) {
      if (error instanceof ItemRefusal) return { kind: "refused", originalId, reason: error.reason };
      throw error;
    }
  });
}

function readAnnotation(annotation: Json, bodies: Bodies, options: W3cParseOptions): ImportItemDraft[] {
  const firstComment = bodies.comments[0];
  const base: ReplyBase = {
    originalId: readId(annotation.id),
    canonical: readIri(annotation.canonical),
    source: options.source,
    // Recogito puts the writer on the comment body rather than on the annotation.
    creator: readCreator(annotation.creator) ?? readCreator(firstComment?.creator),
    created: readCreated(annotation.created) ?? readCreated(firstComment?.created),
  };
  if (asList(annotation.motivation).includes("replying")) return readReplyAnnotation(annotation, bodies, base, options);

  const targets = asList(annotation.target);
  if (targets.length === 0) refuse("No target: the annotation does not say what it is about");
  const target = targets.find((candidate) => options.isLetter(sourceOf(candidate)));
  if (target === undefined) {
    const url = sourceOf(targets[0]);
    refuse(`Target elsewhere: ${typeof url === "string" ? clipped(url) : "no page"} is not this letter's page`);
  }
  const place = readPlace(target, sourceOf(target) as string);
  const note: ImportItemDraft = {
    kind: "note",
    ...base,
    ...place,
    body: readNoteBody(commentText(bodies.comments)),
    tags: readTags(bodies.tags),
    sources: [],
    referenceType: null,
    referenceEntryId: null,
    visibility: null,
    groupIri: null,
  };
  return [note, ...bodyReplies(bodies, base.originalId, options.source)];
}

export function parseW3cAnnotation(annotation: Json, options: W3cParseOptions): ImportItemDraft[] {
  // The context first: under a context of its own, none of the other keys can be taken to mean what they say.
  const problem = contextProblem(options.context);
  if (problem) refuse(problem);
  if (!asList(annotation.type).includes("Annotation")) refuse('Not an annotation: its type must be "Annotation"');
  const bodies = readBodies(annotation);
  try {
    return readAnnotation(annotation, bodies, options);
  } catch (error) {
    // Replies answer the note: with the note refused they have no thread, so they go with it, and the reason says so.
    const replies = bodies.replies.length;
    if (error instanceof ItemRefusal && replies > 0 && !asList(annotation.motivation).includes("replying")) {
      throw new ItemRefusal(`${error.reason} (its ${replies} ${replies === 1 ? "reply is" : "replies are"} not imported either)`);
    }
    throw error;
  }
}
