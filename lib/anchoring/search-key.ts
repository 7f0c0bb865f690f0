/**
 * The form in which quotes are searched for (never stored): runs of whitespace (spaces, tabs, newlines, no-break
 * spaces) become one space, and typographic quotation marks, apostrophes and dashes become their ASCII forms, one
 * character for one. So a stored quote with a doubled space, a line break or straight quotes still finds
 * “ ” ’ – in the paragraph, while every other character must match (or count as an error in fuzzy matching).
 * Offsets found in the key are mapped back to the paragraph's own text.
 */

const FOLD: Record<string, string> = {
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u201E": '"', // „
  "\u201F": '"', // ‟
  "\u00AB": '"', // «
  "\u00BB": '"', // »
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201A": "'", // ‚
  "\u201B": "'", // ‛
  "\u2010": "-", // ‐ hyphen
  "\u2011": "-", // ‑ non-breaking hyphen
  "\u2012": "-", // ‒ figure dash
  "\u2013": "-", // – en dash
  "\u2014": "-", // — em dash
  "\u2212": "-", // − minus
};
/** Something to change: two whitespace characters in a row, whitespace other than a space, or a foldable mark. */
const FOLDABLE = /\s\s|[^\S ]|[\u201C-\u201F\u00AB\u00BB\u2018-\u201B\u2010-\u2014\u2212]/;
const WHITESPACE = /\s/;

/** The search key of a quote, prefix or suffix. */
export function toSearchKey(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  return text.replace(/\s+/g, " ").replace(/[\u201C-\u201F\u00AB\u00BB\u2018-\u201B\u2010-\u2014\u2212]/g, (c) => FOLD[c]);
}

/** A paragraph's search key, with the way back to the paragraph's UTF-16 offsets. */
export class SearchKey {
  readonly key: string;
  /** rawStart[i]/rawEnd[i]: where key unit i comes from in the paragraph; null when offsets coincide. */
  private readonly rawStart: Int32Array | null;
  private readonly rawEnd: Int32Array | null;

  constructor(readonly raw: string) {
    const key = toSearchKey(raw);
    this.key = key;
    if (key.length === raw.length) {
      // Folding is one-for-one and no whitespace run was collapsed: key offsets are paragraph offsets.
      this.rawStart = null;
      this.rawEnd = null;
      return;
    }
    const rawStart = new Int32Array(key.length);
    const rawEnd = new Int32Array(key.length);
    let out = 0;
    for (let unit = 0; unit < raw.length; ) {
      let next = unit + 1;
      if (WHITESPACE.test(raw[unit])) while (next < raw.length && WHITESPACE.test(raw[next])) next += 1;
      rawStart[out] = unit;
      rawEnd[out] = next;
      out += 1;
      unit = next;
    }
    this.rawStart = rawStart;
    this.rawEnd = rawEnd;
  }

  /** The paragraph's UTF-16 range of key range [start, end) (end > start). */
  toRaw(start: number, end: number): { start: number; end: number } {
    if (!this.rawStart || !this.rawEnd) return { start, end };
    return { start: this.rawStart[start], end: this.rawEnd[end - 1] };
  }
}
