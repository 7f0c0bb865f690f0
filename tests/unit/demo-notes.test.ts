import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_NOTES, EXAMPLE_LABEL } from "@/lib/demo/demo-notes";
import { demoBody, locateDemoQuote } from "@/lib/demo/seed-demo-notes";
import { parseSource } from "@/lib/documents/parse-source";
import { sliceByCodePoints } from "@/lib/anchoring/code-point-text";

const blocks = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks;
const textOf = new Map(blocks.map((block) => [block.anchorId, block.text]));
const entries = new Map((JSON.parse(readFileSync("content/references.json", "utf8")) as { id: string }[]).map((entry) => [entry.id, entry]));

describe("demo notes", () => {
  it("are a few dozen with threads, across visibilities and both groups", () => {
    const replies = DEMO_NOTES.flatMap((note) => note.replies ?? []);
    expect(DEMO_NOTES.length).toBeGreaterThanOrEqual(24);
    expect(replies.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_NOTES.map((note) => note.visibility))).toEqual(new Set(["public", "group", "private"]));
    expect(new Set(DEMO_NOTES.map((note) => note.group).filter(Boolean))).toEqual(new Set(["class", "seminar"]));
  });

  it.each(DEMO_NOTES.map((note) => [note.paragraph, note.quote ?? "(paragraph)", note] as const))("%s %s: the passage is in its paragraph", (_p, _q, note) => {
    const text = textOf.get(note.paragraph);
    expect(text, `no paragraph ${note.paragraph}`).toBeDefined();
    if (!note.quote) return;
    const { start, end } = locateDemoQuote(text!, note);
    expect(sliceByCodePoints(text!, start, end)).toBe(note.quote);
  });

  it("link only to entries of the index, cite their paragraphs and are labelled as examples", () => {
    for (const note of DEMO_NOTES) {
      if (note.entry) expect(entries.has(note.entry), note.entry).toBe(true);
      expect(note.cites).toMatch(/Reply to Stalin/);
      expect(note.group === undefined).toBe(note.visibility !== "group");
      expect(demoBody(note.body).startsWith(EXAMPLE_LABEL)).toBe(true);
    }
  });

  it("a quote that is not in the paragraph is refused, not placed elsewhere", () => {
    expect(() => locateDemoQuote(textOf.get("p1")!, { ...DEMO_NOTES[0]!, quote: "Alma-Ata" })).toThrow(/not in the paragraph/);
  });
});
