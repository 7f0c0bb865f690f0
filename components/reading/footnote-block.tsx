import type { ReadingParagraph } from "@/lib/documents/reading-edition";
import { ParagraphTools } from "./paragraph-tools";

/** A footnote, with a link back to each mark that calls it. */
export function FootnoteBlock({ footnote }: { footnote: ReadingParagraph }) {
  const label = footnote.anchorId!.replace(/^fn/, "");
  return (
    <div className="block block--footnote" data-anchor={footnote.anchorId!}>
      <ParagraphTools paragraph={footnote} />
      <p id={footnote.anchorId!} tabIndex={-1} className="block-text">
        <span className="footnote-label">{label}.</span> {footnote.text}{" "}
        {footnote.calledFrom.map((link) => (
          <a
            key={link.markAnchorId}
            className="footnote-back"
            href={`#fnref${link.label}`}
            aria-label={`Back to the mark of footnote ${link.label} in the text`}
          >
            ↩
          </a>
        ))}
      </p>
      <div className="block-notes" />
    </div>
  );
}
