import { codePointLength, sliceByCodePoints } from "../anchoring/code-point-text";
import { findMentions, type TMentionable } from "./find-mentions";

/**
 * Where the index's entries are mentioned in a letter, for the index pages. Pure: the caller supplies the
 * paragraphs (from the reading edition) and the entries. Mentions are found in "nested" mode, so a mention inside
 * a longer one ("G.P.U." in "Council of the G.P.U.") counts for both entries, as a reader would count it.
 */

/** An anchored paragraph of the letter, as the index needs it. */
export type TLetterParagraph = { anchor: string; label: string; text: string };

/** A mention in a little of its context: `before` + `mention` + `after` is a slice of the paragraph. */
export type TMentionSnippet = {
  before: string;
  mention: string;
  after: string;
  /** Whether the paragraph goes on before `before` / after `after`. */
  isCutBefore: boolean;
  isCutAfter: boolean;
};

export type TPassageMention = { alias: string; start: number; end: number; snippet: TMentionSnippet };
export type TMentionPassage = { anchor: string; label: string; mentions: TPassageMention[] };

/** Code points of context shown on each side of a mention. */
export const SNIPPET_CONTEXT = 80;

/**
 * The mention [start, end) of `text` (code points) with about `context` code points on each side, cut at a space so
 * no word is split, unless a single word is longer than the whole context.
 */
export function mentionSnippet(text: string, start: number, end: number, context = SNIPPET_CONTEXT): TMentionSnippet {
  const length = codePointLength(text);
  let before = sliceByCodePoints(text, Math.max(0, start - context), start);
  let after = sliceByCodePoints(text, end, Math.min(length, end + context));
  const isCutBefore = start - context > 0;
  const isCutAfter = end + context < length;
  // Drop the partial word at a cut, unless the cut already falls between words.
  if (isCutBefore && !/\s/.test(sliceByCodePoints(text, start - context - 1, start - context))) {
    const space = before.search(/\s/);
    if (space >= 0) before = before.slice(space + 1);
  }
  if (isCutAfter && !/\s/.test(sliceByCodePoints(text, end + context, end + context + 1))) {
    const space = after.search(/\s\S*$/);
    if (space >= 0) after = after.slice(0, space);
  }
  return { before, mention: sliceByCodePoints(text, start, end), after, isCutBefore, isCutAfter };
}

/** Every paragraph that mentions `entry`, in reading order, with each mention in context. */
export function findMentionPassages(entry: TMentionable, paragraphs: ReadonlyArray<TLetterParagraph>): TMentionPassage[] {
  return paragraphs.flatMap((paragraph) => {
    const mentions = findMentions(paragraph.text, [entry], { overlap: "nested" });
    if (mentions.length === 0) return [];
    return [
      {
        anchor: paragraph.anchor,
        label: paragraph.label,
        mentions: mentions.map(({ alias, start, end }) => ({
          alias,
          start,
          end,
          snippet: mentionSnippet(paragraph.text, start, end),
        })),
      },
    ];
  });
}

/** How many times each entry is mentioned in the paragraphs; entries never mentioned are absent. */
export function countMentions(entries: ReadonlyArray<TMentionable>, paragraphs: ReadonlyArray<{ text: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const mention of findMentions(paragraph.text, entries, { overlap: "nested" })) {
      counts.set(mention.entryId, (counts.get(mention.entryId) ?? 0) + 1);
    }
  }
  return counts;
}
