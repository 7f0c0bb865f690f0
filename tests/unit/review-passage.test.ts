import { describe, expect, it } from "vitest";
import { blockName, passageInContext } from "@/lib/moderation/passage-in-context";

const paragraph = { anchorId: "p3", kind: "body", text: "The Opposition does not renounce its views." };

describe("the passage in context (review queue)", () => {
  it("marks the quote where its code-point position stands", () => {
    const passage = passageInContext(paragraph, { quoteExact: "does not renounce", positionStart: 15, positionEnd: 32, anchorStatus: "anchored" });
    expect(passage).toEqual({ anchorId: "p3", label: "paragraph 3", before: "The Opposition ", quote: "does not renounce", after: " its views.", orphaned: false });
  });

  it("counts positions in code points, not UTF-16 units", () => {
    const text = "𝔄 letter from exile";
    const passage = passageInContext({ anchorId: "p1", kind: "body", text }, { quoteExact: "letter", positionStart: 2, positionEnd: 8, anchorStatus: "anchored" });
    expect([passage.before, passage.quote, passage.after]).toEqual(["𝔄 ", "letter", " from exile"]);
  });

  it("shows the whole paragraph unmarked when the stored position no longer holds the quote", () => {
    const moved = passageInContext(paragraph, { quoteExact: "renounce", positionStart: 0, positionEnd: 8, anchorStatus: "anchored" });
    expect(moved).toMatchObject({ before: paragraph.text, quote: "renounce", after: "", orphaned: true });
    const orphan = passageInContext(paragraph, { quoteExact: "does not", positionStart: 15, positionEnd: 23, anchorStatus: "orphan" });
    expect(orphan.orphaned).toBe(true);
  });

  it("shows a whole-paragraph note's paragraph without a mark", () => {
    expect(passageInContext(paragraph, { quoteExact: null, positionStart: null, positionEnd: null, anchorStatus: "anchored" })).toMatchObject({
      before: paragraph.text,
      quote: null,
      orphaned: false,
    });
  });

  it("names blocks as readers do", () => {
    expect([blockName("p12"), blockName("fn1"), blockName("s2"), blockName("dateline")]).toEqual(["paragraph 12", "footnote 1", "salutation 2", "dateline"]);
  });
});
