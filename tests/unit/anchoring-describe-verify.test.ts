import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anchorPassage } from "@/lib/anchoring/anchor";
import { codePointLength } from "@/lib/anchoring/code-point-text";
import { CONTEXT_LENGTH, describePassage } from "@/lib/anchoring/describe-passage";
import { PassageRangeError } from "@/lib/anchoring/passage-range-error";
import { ZPassageTarget, ZTextPositionSelector, ZTextQuoteSelector } from "@/lib/anchoring/selectors";
import { verifyTarget } from "@/lib/anchoring/verify-selector";
import { AppError } from "@/lib/errors/app-error";
import { parseSource } from "@/lib/documents/parse-source";

const blocks = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks.filter((block) => block.anchorId);
const text = (anchorId: string) => blocks.find((block) => block.anchorId === anchorId)!.text;
/** Code-point range of the nth occurrence (1-based) of `phrase` (the letter is all BMP: units are code points). */
function rangeOf(paragraph: string, phrase: string, nth = 1) {
  let at = -1;
  for (let found = 0; found < nth; found += 1) at = paragraph.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" does not occur ${nth} times`);
  return { start: at, end: at + phrase.length };
}

describe("the selector schemas", () => {
  const passage = describePassage(text("p3"), rangeOf(text("p3"), "the G.P.U.", 2));

  it("accept what describePassage produces, for every kind of paragraph anchor", () => {
    for (const paragraphAnchorId of ["p1", "p27", "s2", "dateline", "fn1"]) {
      expect(ZPassageTarget.parse({ paragraphAnchorId, ...passage })).toEqual({ paragraphAnchorId, ...passage });
    }
    expect(ZPassageTarget.parse({ paragraphAnchorId: "p12" })).toEqual({ paragraphAnchorId: "p12" });
  });

  it("refuse a paragraph id that is not an anchor", () => {
    for (const paragraphAnchorId of ["p", "x1", "p1 ", "fn", "dateline2", "P1"]) {
      expect(ZPassageTarget.safeParse({ paragraphAnchorId }).success, paragraphAnchorId).toBe(false);
    }
  });

  it("want both selectors or neither", () => {
    expect(ZPassageTarget.safeParse({ paragraphAnchorId: "p3", quote: passage.quote }).success).toBe(false);
    expect(ZPassageTarget.safeParse({ paragraphAnchorId: "p3", position: passage.position }).success).toBe(false);
  });

  it("want the position to span the quote's code points", () => {
    const longer = { ...passage.position, end: passage.position.end + 1 };
    expect(ZPassageTarget.safeParse({ paragraphAnchorId: "p3", quote: passage.quote, position: longer }).success).toBe(false);
  });

  it("bound the quote and its context", () => {
    const quote = { type: "TextQuoteSelector", exact: "G.P.U." };
    expect(ZTextQuoteSelector.parse(quote)).toEqual({ ...quote, prefix: "", suffix: "" });
    expect(ZTextQuoteSelector.safeParse({ ...quote, exact: "" }).success).toBe(false);
    expect(ZTextQuoteSelector.safeParse({ ...quote, exact: "x".repeat(5000) }).success).toBe(true);
    expect(ZTextQuoteSelector.safeParse({ ...quote, exact: "x".repeat(5001) }).success).toBe(false);
    expect(ZTextQuoteSelector.safeParse({ ...quote, prefix: "x".repeat(64) }).success).toBe(true);
    expect(ZTextQuoteSelector.safeParse({ ...quote, suffix: "x".repeat(65) }).success).toBe(false);
    // Counted in code points: 64 astral characters are 128 UTF-16 units and still fit.
    expect(ZTextQuoteSelector.safeParse({ ...quote, prefix: "𝔄".repeat(64) }).success).toBe(true);
    expect(ZTextQuoteSelector.safeParse({ ...quote, type: "TextPositionSelector" }).success).toBe(false);
    expect(ZTextQuoteSelector.safeParse({ ...quote, extra: 1 }).success).toBe(false);
  });

  it("want a position of non-negative integers, start before end", () => {
    const position = (start: number, end: number) => ZTextPositionSelector.safeParse({ type: "TextPositionSelector", start, end });
    expect(position(0, 1).success).toBe(true);
    expect(position(3, 3).success).toBe(false);
    expect(position(4, 3).success).toBe(false);
    expect(position(-1, 3).success).toBe(false);
    expect(position(0.5, 3).success).toBe(false);
  });
});

describe("describePassage and verifyTarget on every paragraph of the letter", () => {
  it.each(blocks.map((block) => [block.anchorId!, block.text] as const))("round-trips a passage of %s", (anchorId, paragraph) => {
    const length = codePointLength(paragraph);
    const ranges = [
      { start: Math.floor(length / 3), end: Math.max(Math.floor(length / 3) + 1, Math.floor((2 * length) / 3)) }, // the middle
      { start: 0, end: Math.min(length, 12) }, // the opening: no prefix
      { start: Math.max(0, length - 12), end: length }, // the close: no suffix
    ];
    for (const range of ranges) {
      const selectors = describePassage(paragraph, range);
      expect(selectors.position).toEqual({ type: "TextPositionSelector", ...range });
      expect(codePointLength(selectors.quote.exact)).toBe(range.end - range.start);
      expect(selectors.quote.prefix).toBe(paragraph.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start));
      expect(selectors.quote.suffix).toBe(paragraph.slice(range.end, range.end + CONTEXT_LENGTH));
      expect(selectors.quote.prefix + selectors.quote.exact + selectors.quote.suffix).toBe(
        paragraph.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.end + CONTEXT_LENGTH),
      );
      expect(ZPassageTarget.safeParse({ paragraphAnchorId: anchorId, ...selectors }).success).toBe(true);
      expect(verifyTarget(paragraph, selectors)).toEqual({ ok: true, range });
      expect(anchorPassage(paragraph, selectors)).toEqual({ status: "anchored", ...range, method: "position", confidence: 1 });
    }
  });

  it("keeps typographic quotation marks and dashes as they are (p2)", () => {
    const p2 = text("p2");
    const range = rangeOf(p2, "“The work of your own colleagues in the country” – he declared almost literally – “has lately");
    const { quote, position } = describePassage(p2, range);
    expect(position).toEqual({ type: "TextPositionSelector", start: 0, end: 93 });
    expect(quote.exact.startsWith("“The work")).toBe(true);
    expect(quote.exact).toContain("” – he declared almost literally – “");
    expect(quote.prefix).toBe("");
    expect(quote.suffix).toBe(" assumed an open counter-revolut");
    expect(verifyTarget(p2, { quote, position })).toEqual({ ok: true, range });
    // Straight quotes and a hyphen are a different quote to the server…
    const typed = { ...quote, exact: quote.exact.replaceAll("“", '"').replaceAll("”", '"').replaceAll("–", "-") };
    expect(verifyTarget(p2, { quote: typed, position })).toEqual({ ok: false, error: "position-mismatch" });
    // …but re-anchoring compares them in search-key form and finds the passage.
    expect(anchorPassage(p2, { quote: typed, position })).toEqual({ status: "anchored", ...range, method: "quote", confidence: 1 });
  });

  it("verifies a whole-paragraph note (no selectors)", () => {
    expect(verifyTarget(text("p7"), {})).toEqual({ ok: true, range: null });
  });

  it("verifies a quote without a position when its context singles it out", () => {
    const p3 = text("p3");
    const { quote } = describePassage(p3, rangeOf(p3, "the G.P.U.", 2));
    expect(verifyTarget(p3, { quote })).toEqual({ ok: true, range: rangeOf(p3, "the G.P.U.", 2) });
    expect(verifyTarget(p3, { quote: { exact: "the G.P.U." } })).toEqual({ ok: false, error: "ambiguous-quote" });
    expect(verifyTarget(p3, { quote: { exact: "the G.P.U.", suffix: " that I" } })).toEqual({
      ok: true,
      range: rangeOf(p3, "the G.P.U.", 1),
    });
  });
});

describe("refusals", () => {
  const p5 = text("p5");
  const passage = describePassage(p5, rangeOf(p5, "for thirty-two years"));

  it("refuses an unknown quote", () => {
    expect(verifyTarget(p5, { quote: { exact: "for thirty-three years" } })).toEqual({ ok: false, error: "quote-not-found" });
    // A real quote of another paragraph is not in this one.
    const fromP4 = describePassage(text("p4"), rangeOf(text("p4"), "the narrow Stalin faction"));
    expect(verifyTarget(p5, fromP4)).toEqual({ ok: false, error: "position-mismatch" });
    expect(verifyTarget(p5, { quote: fromP4.quote })).toEqual({ ok: false, error: "quote-not-found" });
  });

  it("refuses a position that does not hold the quote", () => {
    const shifted = { ...passage.position, start: passage.position.start + 1, end: passage.position.end + 1 };
    expect(verifyTarget(p5, { quote: passage.quote, position: shifted })).toEqual({ ok: false, error: "position-mismatch" });
  });

  it("refuses a prefix or suffix that is not the text around the quote", () => {
    expect(verifyTarget(p5, { ...passage, quote: { ...passage.quote, prefix: "of the international proletariat, " } })).toEqual({
      ok: false,
      error: "context-mismatch",
    });
    expect(verifyTarget(p5, { ...passage, quote: { ...passage.quote, suffix: " and more" } })).toEqual({
      ok: false,
      error: "context-mismatch",
    });
    expect(verifyTarget(p5, { quote: { ...passage.quote, suffix: " and more" } })).toEqual({ ok: false, error: "context-mismatch" });
  });

  it("refuses positions that are empty, reversed, fractional or past the end", () => {
    const length = codePointLength(p5);
    const at = (start: number, end: number) => verifyTarget(p5, { quote: { exact: p5.slice(start, end) }, position: { start, end } });
    expect(at(10, 10)).toEqual({ ok: false, error: "invalid-position" });
    expect(verifyTarget(p5, { quote: { exact: "a" }, position: { start: 12, end: 11 } })).toEqual({ ok: false, error: "invalid-position" });
    expect(verifyTarget(p5, { quote: { exact: "a" }, position: { start: 1.5, end: 2.5 } })).toEqual({ ok: false, error: "invalid-position" });
    expect(verifyTarget(p5, { quote: { exact: "a" }, position: { start: -1, end: 2 } })).toEqual({ ok: false, error: "invalid-position" });
    expect(verifyTarget(p5, { quote: { exact: "life." }, position: { start: length - 4, end: length + 1 } })).toEqual({
      ok: false,
      error: "position-out-of-range",
    });
  });

  it("refuses a position without a quote to check it against", () => {
    expect(verifyTarget(p5, { position: passage.position })).toEqual({ ok: false, error: "quote-missing" });
    expect(anchorPassage(p5, { position: passage.position })).toEqual({ status: "orphan", reason: "unverifiable" });
  });

  it("describePassage throws a typed error (a 400) for empty and out-of-range selections", () => {
    const length = codePointLength(p5);
    const problem = (start: number, end: number) => {
      try {
        describePassage(p5, { start, end });
      } catch (error) {
        expect(error).toBeInstanceOf(PassageRangeError);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        return (error as PassageRangeError).problem;
      }
      return "accepted";
    };
    expect(problem(20, 20)).toBe("empty-range");
    expect(problem(0, 0)).toBe("empty-range");
    expect(problem(20, 10)).toBe("out-of-range");
    expect(problem(-1, 5)).toBe("out-of-range");
    expect(problem(length - 5, length + 1)).toBe("out-of-range");
    expect(problem(1.5, 4)).toBe("not-an-integer");
    expect(problem(Number.NaN, 4)).toBe("not-an-integer");
    expect(problem(0, length)).toBe("accepted");
    expect(() => describePassage("x".repeat(6000), { start: 0, end: 5001 })).toThrow(PassageRangeError);
  });
});
