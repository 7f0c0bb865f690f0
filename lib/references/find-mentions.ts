import { codePointLength } from "@/lib/documents/code-points";

/**
 * Finding the index's entries in a text by their aliases. Pure: no I/O, no React, no database.
 *
 * Matching rules
 * - An alias matches exactly as written, case and punctuation included ("G.P.U.", "Kulak’s growing into
 *   Socialism"), because the aliases are spelled as in the letter. `isCaseSensitive: false` relaxes the case only.
 * - Whole words: a mention never begins or ends inside a word. The character before it may not be a letter, digit,
 *   combining mark or "_", nor a full stop that follows one ("S.R." is not found inside "U.S.S.R."); the character
 *   after it may not be one either, nor a full stop that one follows. Everything else is a boundary — space,
 *   comma, quotation marks, apostrophes ("Stalin" in "Stalin’s") and hyphens ("Bolshevik" would be found in
 *   "Bolshevik-Leninists"). An alias that ends in a full stop ("G.P.U.") thus matches before ",", "." or a space,
 *   and at the end of a sentence the one full stop serves both.
 * - Offsets are Unicode code points (what W3C TextPositionSelectors count), `end` exclusive.
 *
 * Overlaps — two modes, one chosen per call:
 * - "longest" (the default, for highlighting the text): mentions never overlap. Where matches overlap, the longest
 *   wins, so "Council of the G.P.U." is one mention of its entry and its "G.P.U." is not reported; between equally
 *   long overlapping matches the earlier one wins. Two entries matching the very same span are both reported.
 * - "nested" (for the index and for offering entries on a passage): every match is reported, so "Council of the
 *   G.P.U." yields the council and, inside it, the G.P.U. Only a match lying inside a longer match of the same entry
 *   is dropped ("General Council" inside "British General Council"), since it adds nothing.
 */

export type TMention = {
  entryId: string;
  /** The alias that matched, as the entry spells it. */
  alias: string;
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset just past the last character. */
  end: number;
};

/** What matching needs of an entry; a full `TReferenceEntry` will do. */
export type TMentionable = { id: string; aliases: ReadonlyArray<{ text: string }> };

export type TOverlapMode = "longest" | "nested";

export type TFindMentionsOptions = {
  isCaseSensitive?: boolean;
  overlap?: TOverlapMode;
};

type Candidate = { entryIndex: number; entryId: string; alias: string; from: number; to: number };

const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}_]$/u;

const isWordCharacter = (character: string | null) => character !== null && WORD_CHARACTER.test(character);

/** The code point that ends just before UTF-16 offset `index`, or null at the start. */
function characterBefore(text: string, index: number): string | null {
  if (index <= 0) return null;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

/** The code point that starts at UTF-16 offset `index`, or null at the end. */
function characterAt(text: string, index: number): string | null {
  return index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : null;
}

/** No word, and no abbreviation such as "U.S.S.R.", runs into the match from the left or from the right. */
function isWholeWord(text: string, from: number, to: number): boolean {
  const before = characterBefore(text, from);
  if (isWordCharacter(before)) return false;
  if (before === "." && isWordCharacter(characterBefore(text, from - 1))) return false;
  const after = characterAt(text, to);
  if (isWordCharacter(after)) return false;
  if (after === "." && isWordCharacter(characterAt(text, to + 1))) return false;
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** Every whole-word match of every alias, in UTF-16 units; one per entry and span. */
function collectCandidates(text: string, entries: ReadonlyArray<TMentionable>, isCaseSensitive: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  entries.forEach((entry, entryIndex) => {
    const seen = new Set<string>();
    const aliases = [...new Set(entry.aliases.map((alias) => alias.text))].filter((alias) => alias.length > 0);
    for (const alias of aliases) {
      const pattern = new RegExp(escapeRegExp(alias), isCaseSensitive ? "gu" : "giu");
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const from = match.index;
        const to = from + match[0].length;
        // Search again from the next character, so matches of one alias may overlap ("aa" twice in "aaa").
        pattern.lastIndex = from + 1;
        const key = `${from}:${to}`;
        if (!isWholeWord(text, from, to) || seen.has(key)) continue;
        seen.add(key);
        candidates.push({ entryIndex, entryId: entry.id, alias, from, to });
      }
    }
  });
  return candidates;
}

const length = (c: Candidate) => c.to - c.from;
const overlaps = (a: Candidate, b: Candidate) => a.from < b.to && b.from < a.to;
const sameSpan = (a: Candidate, b: Candidate) => a.from === b.from && a.to === b.to;
const contains = (outer: Candidate, inner: Candidate) => outer.from <= inner.from && inner.to <= outer.to;

function keepLongest(candidates: Candidate[]): Candidate[] {
  const byPriority = [...candidates].sort(
    (a, b) => length(b) - length(a) || a.from - b.from || a.entryIndex - b.entryIndex,
  );
  const kept: Candidate[] = [];
  for (const candidate of byPriority) {
    const isFree = kept.every((other) => !overlaps(other, candidate) || sameSpan(other, candidate));
    if (isFree) kept.push(candidate);
  }
  return kept;
}

function keepNested(candidates: Candidate[]): Candidate[] {
  return candidates.filter(
    (candidate) =>
      !candidates.some(
        (other) =>
          other !== candidate &&
          other.entryIndex === candidate.entryIndex &&
          length(other) > length(candidate) &&
          contains(other, candidate),
      ),
  );
}

/** Maps UTF-16 offsets to code-point offsets; `offsets` need not be sorted. */
function toCodePoints(text: string, offsets: number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let unit = 0;
  let codePoints = 0;
  for (const offset of wanted) {
    while (unit < offset) {
      const code = text.codePointAt(unit)!;
      unit += code > 0xffff ? 2 : 1;
      codePoints += 1;
    }
    result.set(offset, codePoints);
  }
  return result;
}

/**
 * Finds the mentions of the entries in `text`, ordered by start, the enclosing mention before those inside it,
 * then by the order of `entries`. See the module comment for the matching and overlap rules.
 */
export function findMentions(
  text: string,
  entries: ReadonlyArray<TMentionable>,
  options: TFindMentionsOptions = {},
): TMention[] {
  const { isCaseSensitive = true, overlap = "longest" } = options;
  const candidates = collectCandidates(text, entries, isCaseSensitive);
  const kept = overlap === "nested" ? keepNested(candidates) : keepLongest(candidates);
  kept.sort((a, b) => a.from - b.from || b.to - a.to || a.entryIndex - b.entryIndex);
  const codePoints = toCodePoints(
    text,
    kept.flatMap((c) => [c.from, c.to]),
  );
  return kept.map((c) => ({
    entryId: c.entryId,
    alias: c.alias,
    start: codePoints.get(c.from)!,
    end: codePoints.get(c.to)!,
  }));
}

/**
 * The mentions that touch the passage [start, end) of `text` (code points), to offer their entries when that
 * passage is annotated. A mention counts when it shares at least one character with the passage, so a selection
 * that cuts through "Council of the G.P.U." still offers it; an empty passage offers nothing. Overlaps are
 * "nested" unless the options say otherwise: a note on "Council of the G.P.U." is offered both the council and the
 * G.P.U. Offsets in the result are in the whole text, as for `findMentions`.
 */
export function mentionsInPassage(
  text: string,
  start: number,
  end: number,
  entries: ReadonlyArray<TMentionable>,
  options: TFindMentionsOptions = {},
): TMention[] {
  const textLength = codePointLength(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > textLength) {
    throw new RangeError(`passage [${start}, ${end}) is not within the text (0–${textLength} code points)`);
  }
  if (start === end) return [];
  return findMentions(text, entries, { overlap: "nested", ...options }).filter(
    (mention) => mention.start < end && start < mention.end,
  );
}

/** The distinct entry ids of some mentions, in order of first mention. */
export function listMentionedEntryIds(mentions: ReadonlyArray<TMention>): string[] {
  return [...new Set(mentions.map((mention) => mention.entryId))];
}
