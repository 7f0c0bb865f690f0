import { codePointLength } from "./code-point-text";
import { anchorInParagraph, type TAnchorResult } from "./anchor";
import { describePassage } from "./describe-passage";
import { ParagraphText } from "./paragraph-text";
import type { TAnchorTarget } from "./selectors";

export type TReanchored<T extends TAnchorTarget> = { target: T; result: TAnchorResult };

/**
 * Re-anchors every note of one paragraph against its corrected text, in the order given. The paragraph is indexed
 * once; most notes are settled by their position (a)—only those near a correction need the quote search.
 */
export function reanchorAll<T extends TAnchorTarget>(newParagraphText: string, targets: readonly T[]): TReanchored<T>[] {
  const paragraph = new ParagraphText(newParagraphText);
  return targets.map((target) => ({ target, result: anchorInParagraph(paragraph, target) }));
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same work. */
function randomNumbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "the of party to and a in that is for proletariat revolution committee opposition central struggle against which has not this by with be as on it its international policy leadership work".split(
    " ",
  );

/**
 * Milliseconds to re-anchor `noteCount` notes (passages of 5–80 characters all over the paragraph) after a
 * correction that inserts a clause near the start and changes a character in the middle, so notes go every way:
 * by position, by quote at shifted offsets, by fuzzy quote, or to orphan. The paragraph defaults to 1,200
 * characters of generated prose; the bench may pass a real one. One untimed warm-up pass first. For the bench
 * script: it measures, it never judges.
 */
export function measureReanchoring({
  paragraphText,
  noteCount = 1000,
  seed = 1928,
}: { paragraphText?: string; noteCount?: number; seed?: number } = {}): number {
  const random = randomNumbers(seed);
  const original = paragraphText ?? `${Array.from({ length: 200 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ")}.`;
  const cut = Math.min(100, Math.floor(original.length / 4));
  const middle = Math.floor(original.length / 2);
  const corrected = `${original.slice(0, cut)} (as we said) ${original.slice(cut, middle)}X${original.slice(middle + 1)}`;
  const length = codePointLength(original);
  const targets = Array.from({ length: noteCount }, () => {
    const size = Math.min(length, 5 + Math.floor(random() * 76));
    const start = Math.floor(random() * (length - size + 1));
    return describePassage(original, { start, end: start + size });
  });
  reanchorAll(corrected, targets.slice(0, 50));
  const started = performance.now();
  reanchorAll(corrected, targets);
  return performance.now() - started;
}
