import type { ParagraphRevisionView } from "../corrections/paragraph-revisions";
import type { ReadingEdition } from "../documents/reading-edition";
import { element, textElement, xmlText } from "./xml-text";
import { GFDL_URL } from "../documents/licence-url";


/** How the edition is encoded, said once here and in the README ("TEI P5"). */
const SEGMENTATION =
  "Blocks carry the reading edition's permanent anchors as xml:id: the salutations s1, s2; the paragraphs p1–p27 (n is the printed number; the block quotation is p25); the dateline; the footnote fn1, placed as a note at its mark. The section break is a milestone. A paragraph's text is the stored text exactly; the inline note is not part of it: every offset (string-range pointers of the annotations) counts Unicode code points over the paragraph's text without its notes.";
const CORRECTION =
  "The text is not corrected: the source's misprints and spellings are kept as printed. Corrections made since the import are recorded one by one, with their reasons, in the revision description.";

/** The teiHeader: the edition's facts, its source, how it is encoded, and every recorded correction of its text. */
export function teiHeader(edition: ReadingEdition, corrections: ParagraphRevisionView[], permalink: string, generated: Date): string {
  const sourceNotes = [
    edition.writtenText ? textElement("note", { type: "written" }, `Written: ${edition.writtenText}`) : "",
    edition.translation ? textElement("note", { type: "translation" }, edition.translation) : "",
    edition.firstPublication ? textElement("note", { type: "firstPublication" }, edition.firstPublication) : "",
    edition.transcriptionCredit ? textElement("note", { type: "transcription" }, edition.transcriptionCredit) : "",
    edition.lastUpdatedText ? textElement("note", { type: "lastUpdated" }, `Last updated on: ${edition.lastUpdatedText}`) : "",
  ].join("");
  const changes = corrections.length
    ? [...corrections]
        .reverse()
        .map((correction) =>
          element("change", { when: correction.createdAt, type: "correction", target: `#${correction.paragraph}` }, `${xmlText(`${correction.actorLabel}: ${correction.reason}`)}`),
        )
        .join("")
    : textElement("change", { when: generated.toISOString(), type: "none" }, "No correction of the text has been recorded since the import.");
  return element(
    "teiHeader",
    {},
    element(
      "fileDesc",
      {},
      element("titleStmt", {}, [
        textElement("title", {}, edition.title),
        textElement("author", {}, edition.author),
        edition.transcriptionCredit ? element("respStmt", {}, textElement("resp", {}, "Transcription and markup") + textElement("name", {}, edition.transcriptionCredit)) : "",
        element("respStmt", {}, textElement("resp", {}, "Reading edition, anchors and annotations") + textElement("name", {}, "Marginalia")),
      ].join("")) +
        element("publicationStmt", {}, [
          textElement("publisher", {}, "Marginalia"),
          textElement("idno", { type: "URI" }, permalink),
          element("availability", { status: "free" }, textElement("licence", { target: GFDL_URL }, edition.licenceText)),
          textElement("date", { when: generated.toISOString() }, generated.toISOString().slice(0, 10)),
        ].join("")) +
        element(
          "sourceDesc",
          {},
          element("bibl", {}, [
            textElement("author", {}, edition.author),
            textElement("title", {}, edition.title),
            edition.place ? textElement("pubPlace", {}, edition.place) : "",
            edition.writtenOn ? textElement("date", { when: edition.writtenOn }, edition.dateLine ?? edition.writtenOn) : edition.dateLine ? textElement("date", {}, edition.dateLine) : "",
            edition.sourceUrl ? textElement("ref", { target: edition.sourceUrl }, edition.sourceUrl) : "",
            sourceNotes,
          ].join("")),
        ),
    ) +
      element("encodingDesc", {}, element("editorialDecl", {}, element("correction", {}, textElement("p", {}, CORRECTION)) + element("segmentation", {}, textElement("p", {}, SEGMENTATION)))) +
      element("revisionDesc", {}, changes),
  );
}
