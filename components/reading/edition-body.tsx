import type { ReactNode } from "react";
import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { editionHtml, type EditionBlock } from "./edition-text-html";

type NotesFor = (anchor: string) => ReactNode;

/**
 * One block: the cached HTML of its tools and text (the same for every reader; `display: contents` lets its parts
 * take their grid columns) and its notes slot, filled per reader on the server so the margin is final at first paint.
 */
function Block({ block, notesFor }: { block: EditionBlock; notesFor: NotesFor }) {
  return (
    <div className={block.className} data-anchor={block.anchor ?? undefined}>
      <div className="block-html" dangerouslySetInnerHTML={{ __html: block.html }} />
      {block.anchor === null ? null : <div className="block-notes">{notesFor(block.anchor)}</div>}
    </div>
  );
}

export function EditionBody({ edition, notesFor = () => null }: { edition: ReadingEdition; notesFor?: NotesFor }) {
  const html = editionHtml(edition);
  return (
    <>
      <div className="edition-text">
        {html.blocks.map((block) => (
          <Block key={block.key} block={block} notesFor={notesFor} />
        ))}
      </div>
      {html.footnotes.length ? (
        <section className="footnotes" aria-labelledby="footnotes-title">
          <h2 id="footnotes-title" className="section-title">
            Notes
          </h2>
          <div>
            {html.footnotes.map((block) => (
              <Block key={block.key} block={block} notesFor={notesFor} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
