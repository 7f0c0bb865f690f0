import { describe, expect, it } from "vitest";
import { formatRubricText, parseRubricText } from "@/lib/teaching/rubric-text";

describe("a rubric typed one criterion per line", () => {
  it("reads points and criteria, skipping blank lines, and writes them back the same way", () => {
    const text = "10: Accuracy: says only what the sources support\n\n5 - Citations\n 5. Discussion ";
    const { criteria, error } = parseRubricText(text);
    expect(error).toBeNull();
    expect(criteria).toEqual([
      { points: 10, criterion: "Accuracy: says only what the sources support" },
      { points: 5, criterion: "Citations" },
      { points: 5, criterion: "Discussion" },
    ]);
    expect(parseRubricText(formatRubricText(criteria)).criteria).toEqual(criteria);
  });

  it("names the line that is not a criterion", () => {
    expect(parseRubricText("10: Accuracy\nCitations").error).toMatch(/^Line 2:/);
    expect(parseRubricText("").criteria).toEqual([]);
  });
});
