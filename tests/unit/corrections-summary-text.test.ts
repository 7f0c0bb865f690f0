import { describe, expect, it } from "vitest";
import { summaryText } from "@/components/corrections/summary-text";

describe("what a correction did to the notes, in words", () => {
  it("names only what happened, the first count with its noun", () => {
    expect(summaryText({ kept: 2, moved: 1, orphaned: 1, restored: 0 })).toBe("2 notes kept, 1 moved, 1 orphaned.");
    expect(summaryText({ kept: 0, moved: 0, orphaned: 1, restored: 0 })).toBe("1 note orphaned.");
    expect(summaryText({ kept: 1, moved: 0, orphaned: 0, restored: 2 })).toBe("1 note kept, 2 restored to their passage.");
  });

  it("says so when the paragraph had no notes", () => {
    expect(summaryText({ kept: 0, moved: 0, orphaned: 0, restored: 0 })).toBe("No notes were anchored to this paragraph.");
  });
});
