import type { NoteView } from "../annotations/note-view";
import { entryXmlId } from "./tei-index";
import { element, textElement } from "./xml-text";

/** A note's xml:id: a valid NCName whatever its uuid starts with. */
export const noteXmlId = (id: string) => `note-${id}`;

/**
 * Where an annotation points: a reply at what it answers; a passage as TEI's string-range(paragraph, offset, length)
 * in code points over the paragraph's stored text (inline notes excluded); a whole-paragraph note, or an orphan
 * whose passage is no longer found, at its paragraph.
 */
export function teiTarget(note: NoteView, links: AnnotationLinks): string {
  if (note.threadId) {
    // What a reply answers is in this file when the choice holds it (it was written before, so it came earlier);
    // otherwise (someone else's note in a file of one's own) the pointer is its permalink.
    const answered = note.parentId ?? note.threadId;
    return links.included(answered) ? `#${noteXmlId(answered)}` : links.permalink(answered);
  }
  if (note.anchorStatus === "anchored" && note.position) return `#string-range(${note.paragraph},${note.position.start},${note.position.end - note.position.start})`;
  return `#${note.paragraph}`;
}

/** Where an annotation's pointers go: a person's page, a note's permalink, and whether a note is in this file. */
export type AnnotationLinks = { person: (id: string) => string; permalink: (noteId: string) => string; included: (noteId: string) => boolean };

/** One note or reply as a TEI annotation (P5 4.1+): who wrote it, when, what it says and what it is about. */
export function teiAnnotation(note: NoteView, links: AnnotationLinks): string {
  const attributes = { "xml:id": noteXmlId(note.id), target: teiTarget(note, links), motivation: note.threadId ? "replying" : "commenting" };
  if (note.deleted) return element("annotation", attributes, textElement("note", { type: "deleted" }, "This was deleted; the replies to it remain."));
  const parts = [
    element("respStmt", {}, textElement("resp", {}, "author") + textElement("persName", { ref: links.person(note.author.id) }, note.author.displayName)),
    element(
      "revisionDesc",
      {},
      element("change", { type: "created", when: note.createdAt }) + (note.updatedAt !== note.createdAt ? element("change", { type: "modified", when: note.updatedAt }) : ""),
    ),
    textElement("note", { type: "body" }, note.body),
  ];
  if (note.quote) parts.push(textElement("note", { type: note.anchorStatus === "orphan" ? "orphanedQuote" : "quote" }, note.quote.exact));
  if (!note.threadId) parts.push(textElement("note", { type: "referenceType" }, note.referenceType));
  for (const tag of note.tags) parts.push(textElement("note", { type: "tag" }, tag));
  if (note.attribution) parts.push(textElement("note", { type: "attribution" }, note.attribution));
  if (note.referenceEntry) parts.push(element("ptr", { type: "index", target: `#${entryXmlId(note.referenceEntry.id)}` }));
  return element("annotation", attributes, parts.join(""));
}
