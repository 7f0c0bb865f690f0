import { anchorInParagraph, type TAnchorResult } from "../anchoring/anchor";
import { AMBIGUITY_MARGIN } from "../anchoring/match-quote";
import { ParagraphText } from "../anchoring/paragraph-text";
import { describePassage } from "../anchoring/describe-passage";

export type LetterParagraph = { id: string; anchor: string; text: ParagraphText };

/** Where an imported note lands: `anchored` (the quote exactly, at one place), `moved` (found approximately), `orphaned`. */
export type Placement =
  | { status: "anchored" | "moved"; paragraph: LetterParagraph; passage: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } } | null }
  | { status: "orphaned"; paragraph: LetterParagraph | null; reason: string };

type Candidate = { paragraph: LetterParagraph; result: Extract<TAnchorResult, { status: "anchored" }> };

const ORPHAN_REASONS: Record<string, string> = {
  "quote-not-found": "the quoted words are not in the letter",
  "low-confidence": "only a look-alike of the quoted words is in the letter",
  ambiguous: "the quoted words fit several places equally well",
  unverifiable: "a position without a quote to check it",
};

function placed(candidate: Candidate, quote: { exact: string; prefix: string; suffix: string } | null): Placement {
  const { paragraph, result } = candidate;
  const status = result.method === "fuzzy" ? "moved" : "anchored";
  if (result.method === "paragraph") return { status, paragraph, passage: null };
  // Where the file's own position still holds its quote in its context, the passage is kept exactly as written.
  if (result.method === "position" && quote) return { status, paragraph, passage: { quote, position: { start: result.start, end: result.end } } };
  // The quote and its context as the letter reads there now (a moved quote takes the letter's words).
  return { status, paragraph, passage: describePassage(paragraph.text.text, { start: result.start, end: result.end }) };
}

/**
 * Places one imported note in the letter with the rule the corrections follow (lib/anchoring): the paragraph the file
 * names first, by its position and then its quote; otherwise every paragraph, where exactly one place must be best —
 * an exact occurrence beats an approximate one; two places that fit alike (within the anchoring's ambiguity margin)
 * leave the note orphaned rather than attached to either at random, and a look-alike never wins.
 */
export function placePassage(
  paragraphs: LetterParagraph[],
  item: { quote: { exact: string; prefix: string; suffix: string } | null; paragraphHint: string | null; position: { start: number; end: number } | null },
): Placement {
  const hinted = item.paragraphHint ? (paragraphs.find((paragraph) => paragraph.anchor === item.paragraphHint) ?? null) : null;
  if (!item.quote) {
    if (hinted) return { status: "anchored", paragraph: hinted, passage: null };
    return { status: "orphaned", paragraph: null, reason: "no passage and no paragraph named" };
  }
  if (hinted) {
    const result = anchorInParagraph(hinted.text, { quote: item.quote, position: item.position ?? undefined });
    if (result.status === "anchored") return placed({ paragraph: hinted, result }, item.quote);
  }
  // Exact occurrences first, cheaply: only paragraphs that hold the quote's words verbatim are scored.
  const exactIn = paragraphs.filter((paragraph) => paragraph.text.text.includes(item.quote!.exact));
  const scored = (within: LetterParagraph[]) => within.map((paragraph) => ({ paragraph, result: anchorInParagraph(paragraph.text, { quote: item.quote! }) }));
  const pool = exactIn.length > 0 ? scored(exactIn) : scored(paragraphs);
  // Within one paragraph, anchorInParagraph already refuses look-alikes and ties; across paragraphs, the same here.
  if (pool.some(({ result }) => result.status === "orphan" && result.reason === "ambiguous") && exactIn.length > 0) {
    return { status: "orphaned", paragraph: hinted, reason: ORPHAN_REASONS.ambiguous! };
  }
  const found = pool.filter((entry): entry is Candidate => entry.result.status === "anchored").sort((a, b) => b.result.confidence - a.result.confidence);
  if (found.length === 0) {
    const reasons = pool.map(({ result }) => (result.status === "orphan" ? result.reason : "")).filter(Boolean);
    const reason = reasons.includes("low-confidence") ? "low-confidence" : "quote-not-found";
    return { status: "orphaned", paragraph: hinted, reason: ORPHAN_REASONS[reason]! };
  }
  if (found.length > 1 && found[0]!.result.confidence - found[1]!.result.confidence < AMBIGUITY_MARGIN) {
    return { status: "orphaned", paragraph: hinted, reason: `${ORPHAN_REASONS.ambiguous} (paragraphs ${found.slice(0, 3).map((entry) => entry.paragraph.anchor).join(", ")})` };
  }
  return placed(found[0]!, item.quote);
}
