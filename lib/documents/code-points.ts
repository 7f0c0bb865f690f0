/** Length in Unicode code points (what W3C selectors count), not UTF-16 units. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Splits text at a code-point offset. */
export function splitAtCodePoint(text: string, offset: number): [string, string] {
  const units = [...text].slice(0, offset).join("").length;
  return [text.slice(0, units), text.slice(units)];
}
