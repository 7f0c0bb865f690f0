import type { ReadingEdition, ReadingParagraph } from "../documents/reading-edition";
import { CodePointIndex } from "../anchoring/code-point-text";
import { element, textElement, xmlText } from "./xml-text";

/** A paragraph's text with its footnotes placed as notes at their marks (offsets are code points of the stored text). */
function withNotes(paragraph: ReadingParagraph, footnotes: Map<string, ReadingParagraph>): string {
  if (!paragraph.marks.length) return xmlText(paragraph.text);
  const index = new CodePointIndex(paragraph.text);
  let at = 0;
  let out = "";
  for (const mark of [...paragraph.marks].sort((a, b) => a.markOffset - b.markOffset)) {
    out += xmlText(index.slice(at, mark.markOffset));
    const footnote = footnotes.get(mark.footnoteAnchorId);
    out += textElement("note", { "xml:id": mark.footnoteAnchorId, n: mark.label, place: "foot" }, footnote?.text ?? "");
    at = mark.markOffset;
  }
  return out + xmlText(index.slice(at, index.length));
}

/**
 * The letter as TEI text: the salutations as opener/salute, the paragraphs with their anchors as xml:id and their
 * printed numbers as n, the block quotation as a quote, the section break as a milestone, the dateline in the closer,
 * and the footnote as a note at its mark (not again as a block of its own).
 */
export function teiText(edition: ReadingEdition): string {
  const footnotes = new Map(edition.paragraphs.filter((p) => p.kind === "footnote" && p.anchorId).map((p) => [p.anchorId!, p]));
  const salutes: string[] = [];
  const body: string[] = [];
  const closing: string[] = [];
  for (const paragraph of edition.paragraphs) {
    const id = paragraph.anchorId ?? undefined;
    switch (paragraph.kind) {
      case "salutation":
        salutes.push(element("salute", { "xml:id": id }, withNotes(paragraph, footnotes)));
        break;
      case "body":
        body.push(element("p", { "xml:id": id, n: paragraph.number }, withNotes(paragraph, footnotes)));
        break;
      case "blockquote":
        body.push(element("quote", { type: "blockquote" }, element("p", { "xml:id": id, n: paragraph.number }, withNotes(paragraph, footnotes))));
        break;
      case "section_break":
        body.push(element("milestone", { unit: "section", rend: paragraph.text }));
        break;
      case "dateline":
        closing.push(element("dateline", { "xml:id": id }, withNotes(paragraph, footnotes)));
        break;
      case "footnote":
        // Placed at its mark; a footnote no mark calls is kept at the end so that nothing is lost.
        if (!paragraph.calledFrom.length) closing.push(element("note", { "xml:id": id, place: "foot" }, xmlText(paragraph.text)));
        break;
    }
  }
  const div = [salutes.length ? element("opener", {}, salutes.join("")) : "", ...body, closing.length ? element("closer", {}, closing.join("")) : ""].join("\n");
  return element("text", { "xml:lang": "en" }, element("body", {}, element("div", { type: "letter" }, `\n${div}\n`)));
}
