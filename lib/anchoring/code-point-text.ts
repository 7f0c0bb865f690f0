/**
 * Code points, not UTF-16 units: the W3C Web Annotation model counts a selector's offsets in Unicode code points
 * ("𝔄" is one character to it, two to `String.prototype.length`). These helpers measure, slice and convert so that
 * nothing else in `lib/anchoring/` has to think about surrogate pairs.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether the UTF-16 unit at `index` begins a surrogate pair (a high surrogate followed by a low one). */
function startsPair(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** Length in code points. A lone surrogate counts as one, as `for…of` does. */
export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  for (let index = 0; index < text.length; index += startsPair(text, index) ? 2 : 1) count += 1;
  return count;
}

/** Whether `value` is a non-negative integer no greater than `max`. */
export function isOffsetWithin(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/**
 * Two-way index between code-point offsets and UTF-16 offsets of one text, built once (O(n)) so that each
 * conversion afterwards is O(1). Texts without surrogates (the whole letter) keep no tables at all.
 */
export class CodePointIndex {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** unitOf[cp] = UTF-16 offset where code point `cp` starts; null when both counts coincide. */
  private readonly unitOf: Int32Array | null;
  /** pointOf[unit] = code points that start before UTF-16 offset `unit`; null when both counts coincide. */
  private readonly pointOf: Int32Array | null;

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE.test(text)) {
      this.length = text.length;
      this.unitOf = null;
      this.pointOf = null;
      return;
    }
    const unitOf: number[] = [];
    const pointOf = new Int32Array(text.length + 1);
    let point = 0;
    for (let unit = 0; unit < text.length; ) {
      const width = startsPair(text, unit) ? 2 : 1;
      unitOf.push(unit);
      pointOf[unit] = point;
      // The low half of a pair: one code point has started before it (it is inside that code point).
      if (width === 2) pointOf[unit + 1] = point + 1;
      unit += width;
      point += 1;
    }
    pointOf[text.length] = point;
    unitOf.push(text.length);
    this.length = point;
    this.unitOf = Int32Array.from(unitOf);
    this.pointOf = pointOf;
  }

  /** UTF-16 offset of a code-point offset (0…length). */
  toUtf16(codePoint: number): number {
    if (!isOffsetWithin(codePoint, this.length)) throw new RangeError(`code-point offset ${codePoint} is outside 0…${this.length}`);
    return this.unitOf ? this.unitOf[codePoint] : codePoint;
  }

  /**
   * Code-point offset of a UTF-16 offset (0…text.length). An offset between the two halves of a surrogate pair is
   * rounded down (to the start of that character) or up (past it).
   */
  toCodePoint(unit: number, round: "down" | "up" = "down"): number {
    if (!isOffsetWithin(unit, this.text.length)) throw new RangeError(`UTF-16 offset ${unit} is outside 0…${this.text.length}`);
    if (!this.pointOf) return unit;
    const point = this.pointOf[unit];
    const insidePair = unit > 0 && unit < this.text.length && startsPair(this.text, unit - 1);
    if (!insidePair) return point;
    return round === "down" ? point - 1 : point;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number = this.length): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** The text between two code-point offsets (clamped like `String.prototype.slice` for non-negative offsets). */
export function sliceByCodePoints(text: string, start: number, end?: number): string {
  const index = new CodePointIndex(text);
  const clamp = (value: number) => Math.max(0, Math.min(index.length, Math.trunc(value)));
  return index.slice(clamp(start), end === undefined ? index.length : clamp(end));
}

/** UTF-16 offset (what DOM ranges and `String.prototype.slice` use) of a code-point offset. */
export function codePointToUtf16Offset(text: string, codePoint: number): number {
  return new CodePointIndex(text).toUtf16(codePoint);
}

/** Code-point offset of a UTF-16 offset; inside a surrogate pair it rounds down unless told otherwise. */
export function utf16ToCodePointOffset(text: string, unit: number, round: "down" | "up" = "down"): number {
  return new CodePointIndex(text).toCodePoint(unit, round);
}
