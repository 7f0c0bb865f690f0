import { describe, expect, it } from "vitest";
import { diffWords, MAX_TABLE_CELLS, type DiffPart } from "@/lib/annotations/word-diff";

const side = (parts: DiffPart[], kind: "added" | "removed") => parts.filter((part) => part.kind !== kind).map((part) => part.text).join("");

describe("diffWords", () => {
  it("finds nothing between equal texts, and everything against an empty one", () => {
    expect(diffWords("Same text.", "Same text.")).toEqual([{ kind: "same", text: "Same text." }]);
    expect(diffWords("", "New.")).toEqual([{ kind: "added", text: "New." }]);
    expect(diffWords("Old.", "")).toEqual([{ kind: "removed", text: "Old." }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("marks a replaced word, removal first", () => {
    expect(diffWords("the G.P.U. arrested him", "the OGPU arrested him")).toEqual([
      { kind: "same", text: "the " },
      { kind: "removed", text: "G.P.U." },
      { kind: "added", text: "OGPU" },
      { kind: "same", text: " arrested him" },
    ]);
  });

  it("keeps words shared between changes in the middle (a real LCS, not only prefix and suffix)", () => {
    const parts = diffWords("one two three four five", "one 2 three 4 five");
    expect(parts).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two" },
      { kind: "added", text: "2" },
      { kind: "same", text: " three " },
      { kind: "removed", text: "four" },
      { kind: "added", text: "4" },
      { kind: "same", text: " five" },
    ]);
  });

  it("treats whitespace, punctuation attached to words and Markdown as part of the tokens", () => {
    const parts = diffWords("See *Pravda*,\n1928.", "See *Pravda*, 1928.");
    expect(parts.filter((part) => part.kind !== "same")).toEqual([
      { kind: "removed", text: "\n" },
      { kind: "added", text: " " },
    ]);
  });

  it("always rebuilds both texts: same + removed gives the old one, same + added the new one", () => {
    const pairs = [
      ["a b c d e f", "f e d c b a"],
      ["Trotsky wrote from Alma-Ata in 1928.", "In 1928 Trotsky wrote from Alma-Ata, in exile."],
      ["  leading and trailing  ", "leading, and trailing"],
      ["😀 emoji 𝔘 text", "emoji 😀 𝔘 more text"],
    ];
    for (const [before, after] of pairs) {
      const parts = diffWords(before, after);
      expect(side(parts, "added")).toBe(before);
      expect(side(parts, "removed")).toBe(after);
      // Parts alternate kinds: neighbours of one kind are merged.
      parts.forEach((part, index) => index && expect(part.kind).not.toBe(parts[index - 1].kind));
    }
  });

  it("falls back to one removal and one addition when the changed middle is too large for the table", () => {
    const words = Math.ceil(Math.sqrt(MAX_TABLE_CELLS)) + 10;
    const before = Array.from({ length: words }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: words }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(`start ${before} end`, `start ${after} end`);
    expect(parts.map((part) => part.kind)).toEqual(["same", "removed", "added", "same"]);
    expect(side(parts, "added")).toBe(`start ${before} end`);
  });
});
