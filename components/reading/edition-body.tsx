import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { ParagraphBlock } from "./paragraph-block";
import { FootnoteBlock } from "./footnote-block";

export function EditionBody({ edition }: { edition: ReadingEdition }) {
  const footnotes = edition.paragraphs.filter((paragraph) => paragraph.kind === "footnote");
  return (
    <>
      <div className="edition-text">
        {edition.paragraphs.map((paragraph, index) => {
          if (paragraph.kind === "footnote") return null;
          if (paragraph.kind === "section_break") {
            return (
              <div className="block block--section-break" key={`break-${index}`}>
                <hr className="section-break" aria-label="Section break" />
              </div>
            );
          }
          return <ParagraphBlock key={paragraph.anchorId} paragraph={paragraph} />;
        })}
      </div>
      {footnotes.length ? (
        <section className="footnotes" aria-labelledby="footnotes-title">
          <h2 id="footnotes-title" className="section-title">
            Notes
          </h2>
          {footnotes.map((footnote) => (
            <FootnoteBlock key={footnote.anchorId} footnote={footnote} />
          ))}
        </section>
      ) : null}
    </>
  );
}
