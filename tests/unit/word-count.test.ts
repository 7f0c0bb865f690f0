import { describe, expect, it } from "vitest";
import { countWords, countWordsParsed } from "@/lib/teaching/word-count";

const SAMPLES = [
  "Trotsky writes from exile.",
  "Stalin's *secretariat* ran the [apparatus](https://example.org/a).",
  "- Alma-Ata\n- exile",
  "1. First\n2. Second point",
  "A line\n---\nand a rule",
  "Heading\n===",
  "> quoted words here",
  "    indented code words",
  "See https://example.org/x for more (in brackets) — a dash, a hyphen-word, 1928.",
  "Entity &amp; and `code span` and ![alt text](https://example.org/i.png)",
  "| a | b |\n|---|---|\n| one | two |",
  "+ plus item\n+ another",
  "Two  spaces,\n\nnew paragraph; semicolons: colons.",
  "",
];

describe("word count of a note", () => {
  it("strips Markdown before counting", () => {
    expect(countWords("Stalin's *secretariat* ran the [apparatus](https://example.org/a).")).toBe(5);
    expect(countWords("- Alma-Ata\n- exile")).toBe(2);
    expect(countWords("1. First\n2. Second point")).toBe(3);
    expect(countWords("![a portrait](https://example.org/i.png) of him")).toBe(4);
    expect(countWords("— , ;")).toBe(0);
  });

  it("counts plain bodies without parsing exactly as the parser would", () => {
    for (const sample of SAMPLES) expect(countWords(sample), sample).toBe(countWordsParsed(sample));
  });
});
