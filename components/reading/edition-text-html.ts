import { splitAtCodePoint } from "@/lib/documents/code-points";
import type { ReadingEdition, ReadingParagraph } from "@/lib/documents/reading-edition";
import { blockLabel, blockLocator } from "./block-label";
import { escapeHtml as e } from "./escape-html";

/*
 * The letter's text as an HTML string, built once per document version and cached. Rendering the same ~30
 * paragraphs as a React tree on every request cost about four times the rest of the page (React builds, serialises
 * and re-parses the tree for the RSC payload each time); the text only changes with a new revision. Every value is
 * escaped; interactive parts are handled by ReadingActions through event delegation. See docs/decisions.md.
 */

const LINK_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7L5.3 7.8"/></svg>';
const CITE_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M3 11.5V8.2C3 6 4 4.6 6 4M9 11.5V8.2C9 6 10 4.6 12 4M3 8.5h3v3H3zM9 8.5h3v3H9z"/></svg>';

function tools(paragraph: ReadingParagraph): string {
  const id = e(paragraph.anchorId!);
  const label = e(blockLabel(paragraph));
  const locator = e(blockLocator(paragraph) ?? "");
  const number =
    paragraph.number !== null
      ? `<a class="paragraph-number" href="#${id}" aria-label="Link to ${label}">${paragraph.number}</a>`
      : "";
  return (
    `<div class="paragraph-tools">${number}` +
    `<button type="button" class="tool-button" data-action="copy-permalink" data-anchor="${id}" data-label="${label}" aria-label="Copy link to ${label}" title="Copy link">${LINK_ICON}</button>` +
    `<button type="button" class="tool-button" data-action="cite" data-anchor="${id}" data-label="${label}" data-locator="${locator}" aria-label="Cite ${label}" title="Cite">${CITE_ICON}</button>` +
    `</div>`
  );
}

/** The text with footnote marks put back where the source had them, as superscript links. */
function textWithMarks(paragraph: ReadingParagraph): string {
  let html = "";
  let rest = paragraph.text;
  let consumed = 0;
  for (const mark of [...paragraph.marks].sort((a, b) => a.markOffset - b.markOffset)) {
    const [before, after] = splitAtCodePoint(rest, mark.markOffset - consumed);
    const label = e(mark.label);
    html += `${e(before)}<sup class="footnote-mark"><a id="fnref${label}" href="#${e(mark.footnoteAnchorId)}" aria-label="Footnote ${label}">${label}</a></sup>`;
    consumed = mark.markOffset;
    rest = after;
  }
  return html + e(rest);
}

/**
 * One block of the letter: its wrapper's class and anchor, and the cached HTML of its margin tools and text. The
 * page renders the wrapper and the block's notes slot (per reader) around the cached HTML.
 */
export type EditionBlock = { key: string; className: string; anchor: string | null; html: string };

function block(paragraph: ReadingParagraph, inner: string): EditionBlock {
  const kind = paragraph.kind.replace("_", "-");
  return { key: paragraph.anchorId!, className: `block block--${kind}`, anchor: paragraph.anchorId!, html: `${tools(paragraph)}${inner}` };
}

/** A block as one HTML string, with an empty notes slot (the footnotes, and tests). */
function blockHtml(item: EditionBlock): string {
  const anchor = item.anchor === null ? "" : ` data-anchor="${e(item.anchor)}"`;
  return `<div class="${item.className}"${anchor}>${item.html}${item.anchor === null ? "" : '<div class="block-notes"></div>'}</div>`;
}

function paragraphBlock(paragraph: ReadingParagraph): EditionBlock {
  const id = e(paragraph.anchorId!);
  const text = textWithMarks(paragraph);
  switch (paragraph.kind) {
    case "blockquote":
      return block(paragraph, `<blockquote id="${id}" tabindex="-1" class="block-text" aria-label="${e(blockLabel(paragraph))}"><p>${text}</p></blockquote>`);
    case "dateline":
      return block(paragraph, `<p id="${id}" tabindex="-1" class="block-text dateline">${text}</p>`);
    case "footnote": {
      const label = e(paragraph.anchorId!.replace(/^fn/, ""));
      const backLinks = paragraph.calledFrom
        .map((link) => ` <a class="footnote-back" href="#fnref${e(link.label)}" aria-label="Back to the mark of footnote ${e(link.label)} in the text">↩</a>`)
        .join("");
      return block(paragraph, `<p id="${id}" tabindex="-1" class="block-text"><span class="footnote-label">${label}.</span> ${text}${backLinks}</p>`);
    }
    default:
      return block(paragraph, `<p id="${id}" tabindex="-1" class="block-text">${text}</p>`);
  }
}

/** The body of the letter (everything but footnotes), in reading order, block by block. */
export function renderEditionBlocks(edition: ReadingEdition): EditionBlock[] {
  return edition.paragraphs
    .filter((paragraph) => paragraph.kind !== "footnote")
    .map((paragraph, index) =>
      paragraph.kind === "section_break"
        ? { key: `break-${index}`, className: "block block--section-break", anchor: null, html: `<hr class="section-break" aria-label="Section break">` }
        : paragraphBlock(paragraph),
    );
}

export function renderEditionTextHtml(edition: ReadingEdition): string {
  return renderEditionBlocks(edition).map(blockHtml).join("");
}

export function renderFootnoteBlocks(edition: ReadingEdition): EditionBlock[] {
  return edition.paragraphs.filter((paragraph) => paragraph.kind === "footnote").map(paragraphBlock);
}

export function renderFootnotesHtml(edition: ReadingEdition): string {
  return renderFootnoteBlocks(edition).map(blockHtml).join("");
}

const cache = new WeakMap<ReadingEdition, { blocks: EditionBlock[]; footnotes: EditionBlock[] }>();

/** Cached per edition object; getReadingEdition returns the same object until the document changes. */
export function editionHtml(edition: ReadingEdition): { blocks: EditionBlock[]; footnotes: EditionBlock[] } {
  let html = cache.get(edition);
  if (!html) {
    html = { blocks: renderEditionBlocks(edition), footnotes: renderFootnoteBlocks(edition) };
    cache.set(edition, html);
  }
  return html;
}
