import type { ReadingParagraph } from "@/lib/documents/reading-edition";
import { blockLabel, blockLocator } from "./block-label";

/**
 * The margin beside a block: its number (a link to itself) and the permalink and cite actions. The buttons are
 * plain server-rendered HTML; one client component (ReadingActions) handles them all by event delegation.
 */
export function ParagraphTools({ paragraph }: { paragraph: ReadingParagraph }) {
  const anchorId = paragraph.anchorId!;
  const label = blockLabel(paragraph);
  const locator = blockLocator(paragraph);
  return (
    <div className="paragraph-tools">
      {paragraph.number !== null ? (
        <a className="paragraph-number" href={`#${anchorId}`} aria-label={`Link to ${label}`}>
          {paragraph.number}
        </a>
      ) : null}
      <button
        type="button"
        className="tool-button"
        data-action="copy-permalink"
        data-anchor={anchorId}
        data-label={label}
        aria-label={`Copy link to ${label}`}
        title="Copy link"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7L5.3 7.8" />
        </svg>
      </button>
      <button
        type="button"
        className="tool-button"
        data-action="cite"
        data-anchor={anchorId}
        data-label={label}
        data-locator={locator ?? ""}
        aria-label={`Cite ${label}`}
        title="Cite"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d="M3 11.5V8.2C3 6 4 4.6 6 4M9 11.5V8.2C9 6 10 4.6 12 4M3 8.5h3v3H3zM9 8.5h3v3H9z" />
        </svg>
      </button>
    </div>
  );
}
