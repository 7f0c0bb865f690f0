import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anchorPassage } from "@/lib/anchoring/anchor";
import { describePassage } from "@/lib/anchoring/describe-passage";
import { MIN_CONFIDENCE } from "@/lib/anchoring/match-quote";
import { measureReanchoring, reanchorAll } from "@/lib/anchoring/reanchor-notes";
import { parseSource } from "@/lib/documents/parse-source";

const blocks = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks;
const text = (anchorId: string) => blocks.find((block) => block.anchorId === anchorId)!.text;
/** The offsets of a position selector, without its type. */
const at = ({ start, end }: { start: number; end: number }) => ({ start, end });
function rangeOf(paragraph: string, phrase: string, nth = 1) {
  let at = -1;
  for (let found = 0; found < nth; found += 1) at = paragraph.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" does not occur ${nth} times`);
  return { start: at, end: at + phrase.length };
}

describe("p5 after its misprint is corrected (“a struggle 1 have” → “a struggle I have”)", () => {
  const p5 = text("p5");
  const corrected = p5.replace("a struggle 1 have been conducting", "a struggle I have been conducting");
  const withoutClause = corrected.replace(", that is, during my whole conscious life", "");
  const note = (phrase: string) => ({ id: phrase, ...describePassage(p5, rangeOf(p5, phrase)) });

  const spanning = note("the international proletariat, a struggle 1 have been conducting");
  const before = note("To demand that I renounce my political activity");
  const after = note("the basic teachings of Marx and Lenin");
  const beside = note("without interruption for thirty-two years"); // the correction is in its prefix
  const deleted = note("during my whole conscious life");

  it("the misprint is in the source, once", () => {
    expect(p5.split("struggle 1 have").length - 1).toBe(1);
    expect(corrected).not.toBe(p5);
    expect(corrected.length).toBe(p5.length);
  });

  it("a note spanning the correction re-anchors by fuzzy quote, at the same offsets", () => {
    const result = anchorPassage(corrected, spanning);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy", ...at(spanning.position) });
    if (result.status !== "anchored") return;
    expect(result.confidence).toBeGreaterThan(0.95);
    expect(corrected.slice(result.start, result.end)).toBe("the international proletariat, a struggle I have been conducting");
  });

  it("notes elsewhere in the paragraph re-anchor by position", () => {
    for (const target of [before, after]) {
      expect(anchorPassage(corrected, target)).toEqual({ status: "anchored", ...at(target.position), method: "position", confidence: 1 });
    }
  });

  it("a note whose context holds the correction is found by its quote, where it was", () => {
    const result = anchorPassage(corrected, beside);
    expect(result).toMatchObject({ status: "anchored", method: "quote", ...at(beside.position) });
    if (result.status === "anchored") expect(result.confidence).toBeGreaterThan(0.95);
  });

  it("a note on a passage deleted outright becomes an orphan; the others follow the shift", () => {
    const results = reanchorAll(withoutClause, [spanning, before, after, deleted]);
    expect(results.map(({ target }) => target.id)).toEqual([spanning.id, before.id, after.id, deleted.id]);
    const [spanningResult, beforeResult, afterResult, deletedResult] = results.map(({ result }) => result);
    expect(deletedResult).toEqual({ status: "orphan", reason: "quote-not-found" });
    expect(spanningResult).toMatchObject({ status: "anchored", method: "fuzzy", ...at(spanning.position) });
    expect(beforeResult).toMatchObject({ status: "anchored", method: "position", ...at(before.position) });
    const shift = ", that is, during my whole conscious life".length;
    expect(afterResult).toEqual({
      status: "anchored",
      start: after.position.start - shift,
      end: after.position.end - shift,
      method: "quote",
      confidence: 1,
    });
  });

  it("reanchorAll gives what anchorPassage gives, note by note", () => {
    const targets = [spanning, before, after, beside, deleted];
    expect(reanchorAll(withoutClause, targets).map(({ result }) => result)).toEqual(
      targets.map((target) => anchorPassage(withoutClause, target)),
    );
  });
});

describe("p2 after “Alma Alta” is corrected to “Alma-Ata” (one character shorter)", () => {
  const p2 = text("p2");
  const corrected = p2.replace("Alma Alta", "Alma-Ata");
  const note = (phrase: string) => describePassage(p2, rangeOf(p2, phrase));

  it("a note spanning the name re-anchors by fuzzy quote, its end one earlier", () => {
    const spanning = note("under which you live in Alma Alta give you full possibilities");
    const result = anchorPassage(corrected, spanning);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy", start: spanning.position.start, end: spanning.position.end - 1 });
    if (result.status === "anchored") {
      expect(result.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      expect(corrected.slice(result.start, result.end)).toBe("under which you live in Alma-Ata give you full possibilities");
    }
  });

  it("a note after it moves one character back, found by its quote; a note before it keeps its position", () => {
    const later = note("the categorical promise to discontinue this work");
    expect(anchorPassage(corrected, later)).toEqual({
      status: "anchored",
      start: later.position.start - 1,
      end: later.position.end - 1,
      method: "quote",
      confidence: 1,
    });
    const earlier = note("he declared almost literally");
    expect(anchorPassage(corrected, earlier)).toMatchObject({ status: "anchored", method: "position", ...at(earlier.position) });
  });

  it("a note on the misspelt name alone is too short to survive two changed characters", () => {
    expect(anchorPassage(corrected, note("Alma Alta"))).toEqual({ status: "orphan", reason: "quote-not-found" });
  });
});

describe("measureReanchoring", () => {
  it("returns the milliseconds it took (asserting nothing about them)", () => {
    const ms = measureReanchoring({ noteCount: 20 });
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(measureReanchoring({ paragraphText: text("p21"), noteCount: 20 }))).toBe(true);
  });
});
