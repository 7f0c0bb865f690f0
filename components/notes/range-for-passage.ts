/** Rendered parts of a paragraph's text element that are not in the stored paragraph text. */
export const NOT_STORED_TEXT = "sup.footnote-mark, .footnote-label, .footnote-back";

type TextPiece = { node: Text; from: number; codePoints: number[] };

/** The element's text nodes that carry stored text, each with its UTF-16 index of every code point boundary. */
function storedTextPieces(element: Element): { pieces: TextPiece[]; leading: number } {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(NOT_STORED_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const pieces: TextPiece[] = [];
  let total = 0;
  let whole = "";
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const boundaries: number[] = [];
    let index = 0;
    for (const character of node.data) {
      boundaries.push(index);
      index += character.length;
    }
    boundaries.push(index);
    pieces.push({ node, from: total, codePoints: boundaries });
    total += boundaries.length - 1;
    whole += node.data;
  }
  // The stored text is the rendered text trimmed (as passage-from-selection counts it).
  return { pieces, leading: Array.from(whole).length - Array.from(whole.trimStart()).length };
}

function pointAt(pieces: TextPiece[], offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  for (const piece of pieces) {
    const length = piece.codePoints.length - 1;
    const inside = preferEnd ? offset > piece.from && offset <= piece.from + length : offset >= piece.from && offset < piece.from + length;
    if (inside) return { node: piece.node, offset: piece.codePoints[offset - piece.from]! };
  }
  return null;
}

/**
 * The DOM range of the passage [start, end) — code points of the stored paragraph text, as notes store them — in
 * the paragraph's rendered text element. Null if the offsets fall outside the text.
 */
export function rangeForPassage(element: Element, start: number, end: number): Range | null {
  if (!(end > start)) return null;
  const { pieces, leading } = storedTextPieces(element);
  const from = pointAt(pieces, start + leading, false);
  const to = pointAt(pieces, end + leading, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The code-point offset of the stored text at a DOM point inside the element (the inverse of rangeForPassage). */
export function offsetAtPoint(element: Element, node: Node, offset: number): number | null {
  const { pieces, leading } = storedTextPieces(element);
  const piece = pieces.find((candidate) => candidate.node === node);
  if (!piece) return null;
  const index = piece.codePoints.findIndex((boundary) => boundary >= offset);
  return piece.from + (index < 0 ? piece.codePoints.length - 1 : index) - leading;
}
