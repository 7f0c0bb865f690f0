import { describe, expect, it } from "vitest";
import { shiftFootnoteMarks, textBeforeMark } from "@/lib/corrections/shift-footnote-marks";

const marks = (...offsets: number[]) => offsets.map((offset, index) => ({ label: String(index + 1), offset }));

describe("footnote marks through a correction", () => {
  const text = "when Article 58 perfidiously applies"; // a mark after "58" (offset 15) and at the end (36)

  it("stay put when the change comes after them, and move by its length when it comes before", () => {
    expect(shiftFootnoteMarks(text, text.replace("applies", "is applied"), marks(15))).toEqual({ ok: true, marks: marks(15) });
    expect(shiftFootnoteMarks(text, text.replace("when", "only when"), marks(15, 36))).toEqual({ ok: true, marks: marks(20, 41) });
    expect(shiftFootnoteMarks(text, text.replace("when ", ""), marks(15))).toEqual({ ok: true, marks: marks(10) });
  });

  it("an insertion exactly at a mark goes after it; a change touching the mark from one side is fine", () => {
    expect(shiftFootnoteMarks(text, text.replace("58 ", "58, "), marks(15))).toEqual({ ok: true, marks: marks(15) });
    expect(shiftFootnoteMarks(text, text.replace("Article 58", "article 58"), marks(15))).toEqual({ ok: true, marks: marks(15) });
    expect(shiftFootnoteMarks(text, text.replace(" perfidiously", " treacherously"), marks(15))).toEqual({ ok: true, marks: marks(15) });
  });

  it("refuses a change of the words on both sides of a mark, naming the mark", () => {
    expect(shiftFootnoteMarks(text, text.replace("58 perfidiously", "59 insidiously"), marks(15))).toEqual({ ok: false, label: "1" });
    expect(shiftFootnoteMarks(text, "Something else.", [{ label: "7", offset: 15 }])).toEqual({ ok: false, label: "7" });
  });

  it("counts code points, not UTF-16 units", () => {
    // "𝔄" is one code point and two UTF-16 units: a mark after it stands at 2, and moves by one per such character.
    expect(shiftFootnoteMarks("a𝔄 b", "𝔄a𝔄 b", marks(2))).toEqual({ ok: true, marks: marks(3) });
    expect(shiftFootnoteMarks("a𝔄 b", "a𝔄 c", marks(2))).toEqual({ ok: true, marks: marks(2) });
  });

  it("a paragraph without marks accepts any change", () => {
    expect(shiftFootnoteMarks(text, "", [])).toEqual({ ok: true, marks: [] });
  });

  it("names a mark by the words before it", () => {
    expect(textBeforeMark(text, 15, 10)).toBe("…Article 58");
    expect(textBeforeMark(text, 4, 10)).toBe("when");
  });
});
