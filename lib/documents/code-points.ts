import { sliceByCodePoints } from "../anchoring/code-point-text";

// One implementation of code-point counting for the project: lib/anchoring's (W3C selectors count code points).
export { codePointLength } from "../anchoring/code-point-text";

/** Splits text at a code-point offset. */
export function splitAtCodePoint(text: string, offset: number): [string, string] {
  const head = sliceByCodePoints(text, 0, offset);
  return [head, text.slice(head.length)];
}
