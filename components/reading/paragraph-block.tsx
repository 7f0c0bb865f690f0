import type { ReadingParagraph } from "@/lib/documents/reading-edition";
import { blockLabel } from "./block-label";
import { ParagraphText } from "./paragraph-text";
import { ParagraphTools } from "./paragraph-tools";

/**
 * One citable block of the letter in the three-column reading grid: margin tools, the text, and the notes column.
 * The element carrying the anchor id takes focus (tabindex=-1) so that opening #p20 moves keyboard and screen
 * reader focus there, not only the scroll position.
 */
export function ParagraphBlock({ paragraph }: { paragraph: ReadingParagraph }) {
  const id = paragraph.anchorId!;
  const text = <ParagraphText paragraph={paragraph} />;
  const label = blockLabel(paragraph);
  let content: React.ReactNode;
  switch (paragraph.kind) {
    case "blockquote":
      content = (
        <blockquote id={id} tabIndex={-1} className="block-text" aria-label={label}>
          <p>{text}</p>
        </blockquote>
      );
      break;
    case "dateline":
      content = (
        <p id={id} tabIndex={-1} className="block-text dateline">
          {text}
        </p>
      );
      break;
    default:
      content = (
        <p id={id} tabIndex={-1} className="block-text">
          {text}
        </p>
      );
  }
  return (
    <div className={`block block--${paragraph.kind.replace("_", "-")}`} data-anchor={id}>
      <ParagraphTools paragraph={paragraph} />
      {content}
      <div className="block-notes" />
    </div>
  );
}
