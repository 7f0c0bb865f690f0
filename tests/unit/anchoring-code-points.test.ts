import { describe, expect, it } from "vitest";
import { anchorPassage } from "@/lib/anchoring/anchor";
import {
  CodePointIndex,
  codePointLength,
  codePointToUtf16Offset,
  sliceByCodePoints,
  utf16ToCodePointOffset,
} from "@/lib/anchoring/code-point-text";
import { describePassage } from "@/lib/anchoring/describe-passage";
import { ZPassageTarget } from "@/lib/anchoring/selectors";
import { verifyTarget } from "@/lib/anchoring/verify-selector";

// Three mathematical Fraktur capitals and an emoji: four characters outside the Basic Multilingual Plane, each one
// code point but two UTF-16 units.
const ASTRAL = "𝔄𝔅𝔆 – the opening words; then 😀 and, at last, the passage we quote here.";
const QUOTE = "the passage we quote";
const ASTRAL_BEFORE_QUOTE = 4;

describe("code-point text helpers", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(codePointLength("𝔄𝔅𝔆")).toBe(3);
    expect("𝔄𝔅𝔆".length).toBe(6);
    expect(codePointLength("“Alma Alta” – 1928")).toBe(18);
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("\uD800x")).toBe(2); // a lone surrogate counts as one, as for…of does
  });

  it("slices by code points", () => {
    expect(sliceByCodePoints(ASTRAL, 0, 3)).toBe("𝔄𝔅𝔆");
    expect(sliceByCodePoints(ASTRAL, 1, 2)).toBe("𝔅");
    expect(sliceByCodePoints("abc", 1)).toBe("bc");
    expect(sliceByCodePoints("abc", 2, 99)).toBe("c");
  });

  it("converts between code-point and UTF-16 offsets", () => {
    const quoteUnits = ASTRAL.indexOf(QUOTE);
    const quotePoints = quoteUnits - ASTRAL_BEFORE_QUOTE;
    expect(codePointToUtf16Offset(ASTRAL, quotePoints)).toBe(quoteUnits);
    expect(utf16ToCodePointOffset(ASTRAL, quoteUnits)).toBe(quotePoints);
    expect(codePointToUtf16Offset(ASTRAL, 2)).toBe(4);
    // UTF-16 offset 3 is between the halves of 𝔅: down to its start, up past it.
    expect(utf16ToCodePointOffset(ASTRAL, 3)).toBe(1);
    expect(utf16ToCodePointOffset(ASTRAL, 3, "up")).toBe(2);
    const index = new CodePointIndex(ASTRAL);
    expect(index.length).toBe(ASTRAL.length - ASTRAL_BEFORE_QUOTE);
    expect(index.toUtf16(index.length)).toBe(ASTRAL.length);
    expect(() => index.toUtf16(index.length + 1)).toThrow(RangeError);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
  });

  it("keeps plain text offsets as they are (the letter has no astral characters)", () => {
    const index = new CodePointIndex("“The work” – he declared");
    expect(index.toUtf16(10)).toBe(10);
    expect(index.toCodePoint(10)).toBe(10);
  });
});

describe("selectors outside the Basic Multilingual Plane", () => {
  const unitStart = ASTRAL.indexOf(QUOTE);
  const pointStart = unitStart - ASTRAL_BEFORE_QUOTE;
  const passage = describePassage(ASTRAL, { start: pointStart, end: pointStart + codePointLength(QUOTE) });

  it("describes a passage by code points", () => {
    expect(passage.quote.exact).toBe(QUOTE);
    expect(passage.position).toEqual({ type: "TextPositionSelector", start: pointStart, end: pointStart + QUOTE.length });
    expect(verifyTarget(ASTRAL, passage)).toEqual({ ok: true, range: { start: pointStart, end: pointStart + QUOTE.length } });
  });

  it("refuses a position a UTF-16-counting client computed: it is off by the astral characters before it", () => {
    const utf16Position = { type: "TextPositionSelector" as const, start: unitStart, end: unitStart + QUOTE.length };
    expect(utf16Position.start - passage.position.start).toBe(ASTRAL_BEFORE_QUOTE);
    expect(verifyTarget(ASTRAL, { quote: passage.quote, position: utf16Position })).toEqual({
      ok: false,
      error: "position-mismatch",
    });
    // Re-anchoring does not trust that position: the quote finds the passage at its code-point offsets.
    expect(anchorPassage(ASTRAL, { quote: passage.quote, position: utf16Position })).toMatchObject({
      status: "anchored",
      method: "quote",
      start: pointStart,
      end: pointStart + QUOTE.length,
    });
  });

  it("measures a quote of astral characters in code points", () => {
    const fraktur = describePassage(ASTRAL, { start: 1, end: 3 });
    expect(fraktur.quote).toEqual({ type: "TextQuoteSelector", exact: "𝔅𝔆", prefix: "𝔄", suffix: sliceByCodePoints(ASTRAL, 3, 35) });
    expect(fraktur.quote.suffix).toBe(" – the opening words; then 😀 and");
    expect(ZPassageTarget.safeParse({ paragraphAnchorId: "p1", ...fraktur }).success).toBe(true);
    // The same quote with a UTF-16 length (4) would not match its position's length (2).
    expect(ZPassageTarget.safeParse({ paragraphAnchorId: "p1", ...fraktur, position: { ...fraktur.position, end: 5 } }).success).toBe(
      false,
    );
    expect(anchorPassage(ASTRAL, fraktur)).toEqual({ status: "anchored", start: 1, end: 3, method: "position", confidence: 1 });
  });

  it("reports fuzzy matches in code points when an astral character was corrected", () => {
    const start = utf16ToCodePointOffset(ASTRAL, ASTRAL.indexOf("n 😀"));
    expect(start).toBe(ASTRAL.indexOf("n 😀") - 3); // after the three Fraktur capitals
    const note = describePassage(ASTRAL, { start, end: start + 20 });
    expect(note.quote.exact).toBe("n 😀 and, at last, th"); // 20 code points, 21 UTF-16 units
    const corrected = ASTRAL.replace("😀", "🙂");
    const result = anchorPassage(corrected, note);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy", start: note.position.start, end: note.position.end });
    if (result.status === "anchored") {
      expect(sliceByCodePoints(corrected, result.start, result.end)).toBe("n 🙂 and, at last, th");
    }
  });
});
