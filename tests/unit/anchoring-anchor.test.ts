import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anchorPassage } from "@/lib/anchoring/anchor";
import { describePassage } from "@/lib/anchoring/describe-passage";
import { MIN_CONFIDENCE } from "@/lib/anchoring/match-quote";
import { toSearchKey } from "@/lib/anchoring/search-key";
import { parseSource } from "@/lib/documents/parse-source";

const blocks = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks;
const text = (anchorId: string) => blocks.find((block) => block.anchorId === anchorId)!.text;
function rangeOf(paragraph: string, phrase: string, nth = 1) {
  let at = -1;
  for (let found = 0; found < nth; found += 1) at = paragraph.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" does not occur ${nth} times`);
  return { start: at, end: at + phrase.length };
}
const noteOn = (paragraph: string, phrase: string, nth = 1) => describePassage(paragraph, rangeOf(paragraph, phrase, nth));

const p3 = text("p3");
const p20 = text("p20");

describe("a quote that occurs twice in one paragraph", () => {
  it("p3 really says “the G.P.U.” twice, and p20 “expelled from the Party” twice", () => {
    expect(p3.split("the G.P.U.").length - 1).toBe(2);
    expect(p20.split("expelled from the Party").length - 1).toBe(2);
  });

  it.each([
    ["p3", "the G.P.U."],
    ["p20", "expelled from the Party"],
  ])("%s: prefix and suffix pick the right occurrence of “%s”", (anchorId, phrase) => {
    const paragraph = text(anchorId);
    for (const nth of [1, 2]) {
      const { quote } = describePassage(paragraph, rangeOf(paragraph, phrase, nth));
      // No position at all: the context alone decides.
      expect(anchorPassage(paragraph, { quote })).toEqual({
        status: "anchored",
        ...rangeOf(paragraph, phrase, nth),
        method: "quote",
        confidence: 1,
      });
    }
  });

  it("follows the right occurrence when a correction earlier in the paragraph shifts both", () => {
    const notes = [1, 2].map((nth) => noteOn(p3, "the G.P.U.", nth));
    const corrected = p3.replace("I declared to", "I, L. Trotsky, declared to");
    for (const [index, note] of notes.entries()) {
      const result = anchorPassage(corrected, note);
      expect(result).toMatchObject({ status: "anchored", method: "quote", ...rangeOf(corrected, "the G.P.U.", index + 1) });
      expect(result).toMatchObject({ start: note.position.start + 13 });
    }
  });

  it("with no context to go by, the old position breaks the tie; with neither, it is an orphan", () => {
    const corrected = p3.replace("I declared to", "I, L. Trotsky, declared to");
    const second = rangeOf(p3, "the G.P.U.", 2);
    const bare = { quote: { exact: "the G.P.U." } };
    expect(anchorPassage(corrected, { ...bare, position: second })).toMatchObject({
      status: "anchored",
      method: "quote",
      ...rangeOf(corrected, "the G.P.U.", 2),
    });
    expect(anchorPassage(corrected, { ...bare, position: rangeOf(p3, "the G.P.U.", 1) })).toMatchObject({
      ...rangeOf(corrected, "the G.P.U.", 1),
    });
    expect(anchorPassage(corrected, bare)).toEqual({ status: "orphan", reason: "ambiguous" });
  });
});

describe("never a look-alike", () => {
  it("orphans a note whose passage was deleted even though the same words remain elsewhere", () => {
    const note = noteOn(p3, "the G.P.U.", 2);
    const cut = p3.slice(0, p3.indexOf(" My refusal"));
    expect(cut).toContain("the G.P.U."); // the first occurrence, in other company
    expect(anchorPassage(cut, note)).toEqual({ status: "orphan", reason: "low-confidence" });
  });

  it("still finds the quote when one side of its context was rewritten", () => {
    const note = noteOn(p3, "the G.P.U.", 2);
    const corrected = p3.replace("My refusal to give an oral reply to", "I refused to reply orally to");
    const result = anchorPassage(corrected, note);
    expect(result).toMatchObject({ status: "anchored", method: "quote", ...rangeOf(corrected, "the G.P.U.", 2) });
    if (result.status === "anchored") expect(result.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });

  it("orphans a note when two approximate matches fit about equally well", () => {
    const original = "In the first letter we said that the Party must be restored to health at once, and we repeated it.";
    const note = noteOn(original, "the Party must be restored to health");
    const rewritten =
      "In the first letter we said that the Party must be restored to its health at once, and we repeated it. " +
      "In the first letter we said that the Party must now be restored to health at once, and we repeated it.";
    expect(anchorPassage(rewritten, note)).toEqual({ status: "orphan", reason: "ambiguous" });
    // With one of the two gone, the other is a clear fuzzy match.
    const once = rewritten.slice(0, rewritten.indexOf(" In the first letter", 10));
    expect(anchorPassage(once, note)).toMatchObject({ status: "anchored", method: "fuzzy", start: 33, end: 73 });
  });

  it("prefers the corrected passage itself to a verbatim look-alike that shares only half its context", () => {
    const original =
      "In Alma-Ata they told me: the decision of the plenum stands. In Alma-Ata they told me: the decision of the plenum stands, so I left.";
    const note = noteOn(original, "the decision of the plenum stands", 1);
    const corrected = original.replace("the decision of the plenum stands.", "the decision of the plenums stands.");
    expect(corrected.split("the decision of the plenum stands").length - 1).toBe(1); // the look-alike, verbatim
    expect(anchorPassage(corrected, note)).toMatchObject({ status: "anchored", method: "fuzzy", start: 26, end: 60 });
  });

  it("orphans a quote with more errors than one in eight", () => {
    const p5 = text("p5");
    const note = noteOn(p5, "for thirty-two years");
    expect(anchorPassage(p5.replace("thirty-two", "thirty-three"), note)).toEqual({ status: "orphan", reason: "quote-not-found" });
  });
});

describe("what is not significant in a quote", () => {
  const p5 = text("p5");
  const range = rangeOf(p5, "a struggle 1 have been conducting without interruption");

  it("finds a stored quote with a doubled space or a line break in it", () => {
    for (const exact of ["a struggle 1 have  been conducting without interruption", "a struggle 1 have been\nconducting without\r\n interruption"]) {
      expect(anchorPassage(p5, { quote: { exact } })).toEqual({ status: "anchored", ...range, method: "quote", confidence: 1 });
    }
  });

  it("finds a quote across a doubled space or line break in the paragraph, and covers it", () => {
    const spaced = p5.replace("have been", "have  been").replace("without interruption", "without\ninterruption");
    const note = { quote: { exact: "a struggle 1 have been conducting without interruption" }, position: range };
    expect(anchorPassage(spaced, note)).toEqual({ status: "anchored", start: range.start, end: range.end + 1, method: "quote", confidence: 1 });
  });

  it("documents the search key: whitespace runs become a space, typographic punctuation its ASCII form", () => {
    expect(toSearchKey("“Alma  Alta”\n– it’s\u00A0far")).toBe('"Alma Alta" - it\'s far');
    expect(toSearchKey("plain text")).toBe("plain text");
  });
});

describe("whole-paragraph notes", () => {
  it("anchor to the whole paragraph, whatever its text now", () => {
    expect(anchorPassage(text("p7"), {})).toEqual({ status: "anchored", start: 0, end: text("p7").length, method: "paragraph", confidence: 1 });
  });
});
