import { describePassage, type TPassageSelectors } from "@/lib/anchoring/describe-passage";

/** Rendered parts of a text element that are not in the stored paragraph text. */
const NOT_STORED_TEXT = "sup.footnote-mark, .footnote-label, .footnote-back";

export type SelectedPassage = { paragraph: string; selectors: TPassageSelectors };

/** The stored text of the part of `element` before the point (node, offset): the rendered text minus marks. */
function storedTextBefore(element: Element, node: Node, offset: number): string {
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  const fragment = range.cloneContents();
  fragment.querySelectorAll(NOT_STORED_TEXT).forEach((mark) => mark.remove());
  return fragment.textContent ?? "";
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

/** The paragraph text element (`.block-text[id]`) that contains a node, if any. */
export function paragraphTextOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(".block-text[id]") ?? null;
}

/**
 * The W3C selectors of a DOM selection inside one paragraph, in code points of the stored text (which lacks the
 * footnote marks and the trimmed whitespace of the markup). Null when the selection is empty or crosses paragraphs.
 * A selection ending just after the paragraph (as a triple click makes) is cut at the paragraph's end.
 */
export function passageFromRange(range: Range): SelectedPassage | null {
  if (range.collapsed) return null;
  const element = paragraphTextOf(range.startContainer);
  if (!element) return null;
  let endNode: Node = range.endContainer;
  let endOffset = range.endOffset;
  if (!element.contains(endNode)) {
    if (paragraphTextOf(endNode)) return null;
    endNode = element;
    endOffset = element.childNodes.length;
  }
  const whole = storedTextBefore(element, element, element.childNodes.length);
  const leading = codePoints(whole) - codePoints(whole.trimStart());
  const text = whole.trim();
  const length = codePoints(text);
  const start = Math.min(length, Math.max(0, codePoints(storedTextBefore(element, range.startContainer, range.startOffset)) - leading));
  const end = Math.min(length, Math.max(0, codePoints(storedTextBefore(element, endNode, endOffset)) - leading));
  if (end <= start) return null;
  try {
    return { paragraph: element.id, selectors: describePassage(text, { start, end }) };
  } catch {
    return null; // too long, or otherwise not a passage the server would accept
  }
}
