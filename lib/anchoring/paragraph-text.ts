import { CodePointIndex, codePointLength, isOffsetWithin } from "./code-point-text";
import { SearchKey } from "./search-key";

/**
 * One paragraph's text, indexed once for anchoring: code-point offsets, and (built on first need) its search key.
 * Re-anchoring many notes against one paragraph shares one of these.
 */
export class ParagraphText {
  readonly index: CodePointIndex;
  private key: SearchKey | null = null;

  constructor(readonly text: string) {
    this.index = new CodePointIndex(text);
  }

  /** Length in code points. */
  get length(): number {
    return this.index.length;
  }

  get searchKey(): SearchKey {
    this.key ??= new SearchKey(this.text);
    return this.key;
  }

  /** Whether [start, end) is a non-empty range of whole code points inside the paragraph. */
  containsRange(start: number, end: number): boolean {
    return isOffsetWithin(start, this.length) && isOffsetWithin(end, this.length) && start < end;
  }

  slice(start: number, end: number): string {
    return this.index.slice(start, end);
  }

  /** Whether the paragraph reads exactly `prefix` before `start` and `suffix` after `end`. */
  hasContext(start: number, end: number, prefix = "", suffix = ""): boolean {
    const before = codePointLength(prefix);
    const after = codePointLength(suffix);
    if (before > start || end + after > this.length) return false;
    return this.slice(start - before, start) === prefix && this.slice(end, end + after) === suffix;
  }

  /** Code-point ranges of every exact occurrence of `exact`, overlapping ones included. */
  occurrences(exact: string): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    if (!exact) return found;
    for (let unit = this.text.indexOf(exact); unit !== -1; unit = this.text.indexOf(exact, unit + 1)) {
      found.push({ start: this.index.toCodePoint(unit), end: this.index.toCodePoint(unit + exact.length) });
    }
    return found;
  }
}
