import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ParagraphText } from "@/lib/anchoring/paragraph-text";
import { parseSource } from "@/lib/documents/parse-source";
import { placePassage, type LetterParagraph } from "@/lib/imports/place-passage";

const letter = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8"));
const paragraphs: LetterParagraph[] = letter.blocks
  .filter((block) => block.anchorId)
  .map((block) => ({ id: block.anchorId!, anchor: block.anchorId!, text: new ParagraphText(block.text) }));
const textOf = (anchor: string) => paragraphs.find((paragraph) => paragraph.anchor === anchor)!.text.text;

function quoteFrom(anchor: string, exact: string) {
  const text = textOf(anchor);
  const start = text.indexOf(exact);
  expect(start, `${exact} in ${anchor}`).toBeGreaterThanOrEqual(0);
  return { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32), start };
}

describe("placing an imported passage in the letter", () => {
  it("finds a quote that occurs once, without a paragraph named: anchored there, with the letter's context", () => {
    const { exact } = quoteFrom("p9", "the adventures in Esthonia and Bulgaria");
    const placement = placePassage(paragraphs, { quote: { exact, prefix: "", suffix: "" }, paragraphHint: null, position: null });
    expect(placement).toMatchObject({ status: "anchored", paragraph: { anchor: "p9" }, passage: { quote: { exact } } });
  });

  it("keeps the file's own passage exactly when its paragraph and position still hold it", () => {
    const { exact, prefix, suffix, start } = quoteFrom("p4", "narrow Stalin faction");
    const placement = placePassage(paragraphs, { quote: { exact, prefix: prefix.slice(-10), suffix: suffix.slice(0, 10) }, paragraphHint: "p4", position: { start, end: start + exact.length } });
    expect(placement).toMatchObject({ status: "anchored", passage: { quote: { exact, prefix: prefix.slice(-10), suffix: suffix.slice(0, 10) }, position: { start } } });
  });

  it("orphans a quote that fits two places alike rather than choosing one at random", () => {
    expect(textOf("p7")).toContain("the enemy classes");
    expect(textOf("p17")).toContain("the enemy classes");
    const placement = placePassage(paragraphs, { quote: { exact: "the enemy classes", prefix: "", suffix: "" }, paragraphHint: null, position: null });
    expect(placement.status).toBe("orphaned");
    if (placement.status === "orphaned") expect(placement.reason).toMatch(/several places/);
  });

  it("uses the context to tell the two apart when the file has it", () => {
    const { exact, prefix, suffix } = quoteFrom("p7", "the enemy classes");
    const placement = placePassage(paragraphs, { quote: { exact, prefix, suffix }, paragraphHint: null, position: null });
    expect(placement).toMatchObject({ status: "anchored", paragraph: { anchor: "p7" } });
  });

  it("moves a slightly mistyped quote to its place, and orphans one that is not in the letter", () => {
    const moved = placePassage(paragraphs, { quote: { exact: "the categorical promiss to discontinue this work", prefix: "", suffix: "" }, paragraphHint: null, position: null });
    expect(moved).toMatchObject({ status: "moved", paragraph: { anchor: "p2" }, passage: { quote: { exact: "the categorical promise to discontinue this work" } } });
    const missing = placePassage(paragraphs, { quote: { exact: "workers of the world, unite and take over the railways of Siberia", prefix: "", suffix: "" }, paragraphHint: null, position: null });
    expect(missing.status).toBe("orphaned");
  });

  it("a note without a passage lands on its named paragraph, or is orphaned", () => {
    expect(placePassage(paragraphs, { quote: null, paragraphHint: "p12", position: null })).toMatchObject({ status: "anchored", paragraph: { anchor: "p12" }, passage: null });
    expect(placePassage(paragraphs, { quote: null, paragraphHint: null, position: null }).status).toBe("orphaned");
  });
});
