import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "@/lib/anchoring/code-point-text";
import { describePassage } from "@/lib/anchoring/describe-passage";
import { planReanchoring, type TStoredAnchor } from "@/lib/corrections/plan-reanchoring";
import { parseSource } from "@/lib/documents/parse-source";

const p5 = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks.find((block) => block.anchorId === "p5")!.text;

function stored(id: string, text: string, phrase: string | null, anchorStatus: TStoredAnchor["anchorStatus"] = "anchored"): TStoredAnchor {
  if (!phrase) return { id, anchorStatus, quoteExact: null, quotePrefix: null, quoteSuffix: null, positionStart: null, positionEnd: null };
  const start = [...text.slice(0, text.indexOf(phrase))].length;
  const { quote, position } = describePassage(text, { start, end: start + [...phrase].length });
  return { id, anchorStatus, quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: position.start, positionEnd: position.end };
}

describe("planning the anchors of a corrected paragraph (p5)", () => {
  const corrected = p5.replace("a struggle 1 have", "a struggle I have").replace(", that is, during my whole conscious life", "");
  const notes = [
    stored("untouched", p5, "To demand that I renounce my political activity"),
    stored("misprint", p5, "a struggle 1 have been conducting"),
    stored("shifted", p5, "the basic teachings of Marx and Lenin"),
    stored("deleted", p5, "during my whole conscious life"),
    stored("paragraph", p5, null),
  ];
  const { updates, summary } = planReanchoring(corrected, notes);
  const update = (id: string) => updates.find((candidate) => candidate.id === id);

  it("counts what happened to each note", () => {
    expect(summary).toEqual({ kept: 3, moved: 1, orphaned: 1, restored: 0 });
  });

  it("writes nothing for notes whose anchor did not change", () => {
    expect(update("untouched")).toBeUndefined();
    expect(update("paragraph")).toBeUndefined();
  });

  it("re-reads the quote and its context from the new text, so every anchored quote is at its position", () => {
    expect(update("misprint")).toMatchObject({ anchorStatus: "anchored", quoteExact: "a struggle I have been conducting" });
    const shifted = update("shifted")!;
    expect(shifted.positionStart).toBe(notes[2].positionStart! - ", that is, during my whole conscious life".length);
    for (const anchor of [update("misprint")!, shifted]) {
      expect(sliceByCodePoints(corrected, anchor.positionStart!, anchor.positionEnd!)).toBe(anchor.quoteExact);
      expect(corrected.slice(0, anchor.positionStart!).endsWith(anchor.quotePrefix!)).toBe(true);
      expect(corrected.slice(anchor.positionEnd!).startsWith(anchor.quoteSuffix!)).toBe(true);
    }
  });

  it("an orphan keeps the selectors it was written with", () => {
    expect(update("deleted")).toEqual({ ...notes[3], anchorStatus: "orphan" });
  });

  it("an orphan whose words come back is restored; one that stays lost is not counted again", () => {
    const orphan = { ...notes[3], anchorStatus: "orphan" as const };
    const back = planReanchoring(p5, [orphan]);
    expect(back.summary).toEqual({ kept: 0, moved: 0, orphaned: 0, restored: 1 });
    expect(back.updates).toEqual([{ ...notes[3], anchorStatus: "anchored" }]);
    const stillLost = planReanchoring(corrected, [orphan]);
    expect(stillLost).toEqual({ updates: [], summary: { kept: 0, moved: 0, orphaned: 0, restored: 0 } });
  });

  it("never attaches a note to a look-alike: its words gone, a near copy in other words' company is not its passage", () => {
    const note = stored("lost", "He read the decision of the Council to me.", "the decision of the Council");
    const rewritten = "He read it to me. Elsewhere, the decision of the Councils was taken.";
    expect(planReanchoring(rewritten, [note])).toEqual({
      updates: [{ ...note, anchorStatus: "orphan" }],
      summary: { kept: 0, moved: 0, orphaned: 1, restored: 0 },
    });
  });
});
