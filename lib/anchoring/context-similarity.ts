/**
 * How well the text around a candidate agrees with a stored prefix or suffix: 1 when identical, falling by two
 * hundredths per character of difference in a 100-character context, 0 from half the context on. That is
 * 1 − 2·(edit distance ÷ context length), floored at 0: unrelated English text of 32 characters differs in about
 * three quarters of it, so agreement by chance counts for nothing. The prefix must end exactly where the candidate
 * starts and the suffix start exactly where it ends; their far ends are free, so a word inserted into the context
 * costs only its own characters.
 */

/** A little slack beyond the context's length lets an insertion into the context be counted as one. */
const windowLength = (contextLength: number) => contextLength + Math.ceil(contextLength / 4) + 1;

/**
 * Edit distance between `pattern` and a piece of `text` that touches one end of `text` (its end for a prefix, its
 * start for a suffix) and may stop anywhere towards the other; anything above `limit` is reported as `limit + 1`
 * (Ukkonen's cut-off: once a whole row exceeds it, no alignment can come back under it).
 */
function boundedDistance(pattern: string, text: string, anchoredAt: "end" | "start", limit: number): number {
  const m = pattern.length;
  const n = text.length;
  const fromEnd = anchoredAt === "end";
  let previous = new Uint16Array(n + 1);
  let current = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    current[0] = i;
    let rowMin = i;
    const code = pattern.charCodeAt(fromEnd ? m - i : i - 1);
    for (let j = 1; j <= n; j += 1) {
      const substitution = previous[j - 1] + (text.charCodeAt(fromEnd ? n - j : j - 1) === code ? 0 : 1);
      const gap = (previous[j] < current[j - 1] ? previous[j] : current[j - 1]) + 1;
      const cell = substitution < gap ? substitution : gap;
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  let best = previous[0];
  for (let j = 1; j <= n; j += 1) if (previous[j] < best) best = previous[j];
  return Math.min(best, limit + 1);
}

function similarity(context: string, piece: string, anchoredAt: "end" | "start"): number {
  const identical = anchoredAt === "end" ? piece.endsWith(context) : piece.startsWith(context);
  if (identical) return 1;
  const limit = Math.floor(context.length / 2);
  return Math.max(0, 1 - (2 * boundedDistance(context, piece, anchoredAt, limit)) / context.length);
}

/** Agreement of `prefix` with the text that ends at `start`. An empty prefix gives no evidence: null. */
export function prefixSimilarity(text: string, start: number, prefix: string): number | null {
  if (!prefix) return null;
  return similarity(prefix, text.slice(Math.max(0, start - windowLength(prefix.length)), start), "end");
}

/** Agreement of `suffix` with the text that starts at `end`. An empty suffix gives no evidence: null. */
export function suffixSimilarity(text: string, end: number, suffix: string): number | null {
  if (!suffix) return null;
  return similarity(suffix, text.slice(end, end + windowLength(suffix.length)), "start");
}
