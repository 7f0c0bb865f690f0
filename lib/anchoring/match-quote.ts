import approxSearch from "approx-string-match";
import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import type { ParagraphText } from "./paragraph-text";
import { toSearchKey } from "./search-key";
import type { TAnchorTarget } from "./selectors";

/**
 * Finding a quote in a paragraph whose text may have changed since the quote was taken: exact occurrences first,
 * then approximate ones (Myers' bit-parallel edit-distance search, `approx-string-match`), each scored by how well
 * the quote and its stored prefix and suffix agree with the text there. Everything is compared in search-key form
 * (./search-key.ts: whitespace runs and typographic punctuation are not significant).
 */

/** A fuzzy match may differ from the quote in at most one character in eight (and never more than 256). */
export const MAX_ERROR_RATE = 1 / 8;
export const MAX_ERRORS = 256;
/** Weights of the confidence: the quote itself, then each side of its context (absent context is left out). */
export const QUOTE_WEIGHT = 50;
export const CONTEXT_WEIGHT = 20;
/**
 * Below this a candidate is not trusted. An exact quote passes with one side of its context intact (0.78) or at
 * the start of a paragraph with an unrelated suffix (0.71), not with both sides unrelated (0.56); a quote with
 * the most errors allowed passes only if its context is nearly intact.
 */
export const MIN_CONFIDENCE = 0.7;
/** Candidates closer than this are look-alikes: only an old position may choose among exact ones. */
export const AMBIGUITY_MARGIN = 0.05;

export type TQuoteCandidate = {
  /** Code points in the paragraph. */
  start: number;
  end: number;
  /** Edit distance between the quote and the text here (search-key form); 0 for an exact occurrence. */
  errors: number;
  /** 0…1: (50·quote + 20·prefix + 20·suffix similarity) ÷ the weight of what was stored. */
  confidence: number;
};

export type TQuoteMatch =
  | { status: "found"; candidate: TQuoteCandidate }
  | { status: "not-found" }
  | { status: "low-confidence"; best: TQuoteCandidate }
  | { status: "ambiguous"; candidates: TQuoteCandidate[] };

type TKeyMatch = { start: number; end: number; errors: number };
type TScored = TKeyMatch & { confidence: number };

const MASK = "\uFFFF"; // a noncharacter: never in a quote, so masked text matches nothing

function exactMatches(text: string, quote: string): TKeyMatch[] {
  const found: TKeyMatch[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function mask(text: string, matches: TKeyMatch[]): string {
  let masked = text;
  for (const { start, end } of matches) masked = masked.slice(0, start) + MASK.repeat(end - start) + masked.slice(end);
  return masked;
}

/**
 * The best place for `quote` in `paragraph`, or why there is none. `hint` (a code-point offset: where the passage
 * was) only decides between exact occurrences whose context scores alike.
 */
export function matchQuote(paragraph: ParagraphText, quote: NonNullable<TAnchorTarget["quote"]>, hint?: number): TQuoteMatch {
  const exact = toSearchKey(quote.exact);
  const prefix = toSearchKey(quote.prefix ?? "");
  const suffix = toSearchKey(quote.suffix ?? "");
  const key = paragraph.searchKey;
  const text = key.key;
  if (!exact) return { status: "not-found" };

  const totalWeight = QUOTE_WEIGHT + (prefix ? CONTEXT_WEIGHT : 0) + (suffix ? CONTEXT_WEIGHT : 0);
  const quoteScore = (errors: number) => Math.max(0, 1 - errors / exact.length);
  const score = (match: TKeyMatch): TScored => {
    const before = prefixSimilarity(text, match.start, prefix) ?? 0;
    const after = suffixSimilarity(text, match.end, suffix) ?? 0;
    const weighted = QUOTE_WEIGHT * quoteScore(match.errors) + CONTEXT_WEIGHT * (before + after);
    return { ...match, confidence: weighted / totalWeight };
  };
  /** The best confidence a candidate with this many errors could reach (with perfect context). */
  const ceiling = (errors: number) => (QUOTE_WEIGHT * quoteScore(errors) + totalWeight - QUOTE_WEIGHT) / totalWeight;

  const accepted: TScored[] = [];
  const consider = (matches: TKeyMatch[]) => {
    // Matches of one tier that overlap are one place seen several ways: keep the best-scoring reading of it.
    for (const match of matches.map(score).sort((a, b) => b.confidence - a.confidence)) {
      if (!accepted.some((other) => match.start < other.end && other.start < match.end)) accepted.push(match);
    }
  };
  const bestConfidence = () => accepted.reduce((best, match) => Math.max(best, match.confidence), -Infinity);

  // Tier 0: exact occurrences. If none is trusted, tiers of approximate matches with ever more errors: each search
  // reports only the matches of least error, so the places already found are masked out before the next. We stop
  // as soon as a tier could no longer reach the threshold nor come near the best candidate.
  let tier = exactMatches(text, exact);
  consider(tier);
  let working = text;
  let masked = tier; // matches found but not yet masked out of `working`
  let errors = 0;
  // An exact occurrence in (nearly) its old context ends the search (b). Otherwise (c) approximate matches are
  // sought too, and must be clearly worse than the best exact one for it to stand.
  const isSettled = bestConfidence() >= 1 - AMBIGUITY_MARGIN;
  const maxErrors = isSettled ? 0 : Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
  for (let round = 0; round < maxErrors && errors < maxErrors; round += 1) {
    const bar = Math.max(MIN_CONFIDENCE, bestConfidence() - AMBIGUITY_MARGIN);
    if (ceiling(errors + 1) < bar) break;
    if (masked.length) working = mask(working, masked);
    tier = approxSearch(working, exact, maxErrors);
    if (!tier.length || tier[0].errors <= errors) break; // (masking makes each tier strictly worse; a guard)
    errors = tier[0].errors;
    if (ceiling(errors) < bar) break;
    consider(tier);
    masked = tier;
  }

  if (!accepted.length) return { status: "not-found" };
  const toParagraph = (match: TScored): TQuoteCandidate => {
    const raw = key.toRaw(match.start, match.end);
    return {
      start: paragraph.index.toCodePoint(raw.start, "down"),
      end: paragraph.index.toCodePoint(raw.end, "up"),
      errors: match.errors,
      confidence: match.confidence,
    };
  };
  accepted.sort((a, b) => b.confidence - a.confidence);
  const best = accepted[0];
  const rivals = accepted.filter((match) => match.confidence >= best.confidence - AMBIGUITY_MARGIN).map(toParagraph);
  if (rivals.length === 1) {
    return best.confidence >= MIN_CONFIDENCE ? { status: "found", candidate: rivals[0] } : { status: "low-confidence", best: rivals[0] };
  }
  // Several places fit about as well. Exact occurrences may be told apart by where the passage used to be;
  // approximate look-alikes never are.
  if (hint !== undefined && rivals.every((match) => match.errors === 0)) {
    const byDistance = rivals
      .map((candidate) => ({ candidate, distance: Math.abs(candidate.start - hint) }))
      .sort((a, b) => a.distance - b.distance);
    if (byDistance[0].distance < byDistance[1].distance) {
      const chosen = byDistance[0].candidate;
      return chosen.confidence >= MIN_CONFIDENCE ? { status: "found", candidate: chosen } : { status: "low-confidence", best: chosen };
    }
  }
  return { status: "ambiguous", candidates: rivals };
}
