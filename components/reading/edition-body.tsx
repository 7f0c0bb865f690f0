import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { editionHtml } from "./edition-text-html";

export function EditionBody({ edition }: { edition: ReadingEdition }) {
  const html = editionHtml(edition);
  return (
    <>
      <div className="edition-text" dangerouslySetInnerHTML={{ __html: html.text }} />
      {html.footnotes ? (
        <section className="footnotes" aria-labelledby="footnotes-title">
          <h2 id="footnotes-title" className="section-title">
            Notes
          </h2>
          <div dangerouslySetInnerHTML={{ __html: html.footnotes }} />
        </section>
      ) : null}
    </>
  );
}
