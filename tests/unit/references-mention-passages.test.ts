import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/documents/parse-source";
import type { TMentionable } from "@/lib/references/find-mentions";
import { loadReferences } from "@/lib/references/load-references";
import { countMentions, findMentionPassages, mentionSnippet, type TLetterParagraph } from "@/lib/references/mention-passages";
import { offerEntries } from "@/lib/references/reference-options";

const entries = await loadReferences();
const parsed = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8"));
const letter: TLetterParagraph[] = parsed.blocks.flatMap((block) =>
  block.anchorId ? [{ anchor: block.anchorId, label: block.anchorId, text: block.text }] : [],
);
const entry = (id: string) => entries.find((candidate) => candidate.id === id)!;

describe("mentionSnippet", () => {
  it("keeps a short paragraph whole, the mention cut out by code points", () => {
    expect(mentionSnippet("I met 𝔄 Stalin there.", 8, 14, 80)).toEqual({
      before: "I met 𝔄 ",
      mention: "Stalin",
      after: " there.",
      isCutBefore: false,
      isCutAfter: false,
    });
  });

  it("cuts a long paragraph between words on both sides", () => {
    const text = "alpha bravo charlie delta Stalin echo foxtrot golf hotel";
    const start = text.indexOf("Stalin");
    const snippet = mentionSnippet(text, start, start + 6, 10);
    expect(snippet).toEqual({ before: "delta ", mention: "Stalin", after: " echo", isCutBefore: true, isCutAfter: true });
  });

  it("keeps a whole word when the cut falls just after a space", () => {
    const text = "aaaa bbbb Stalin cccc dddd";
    const start = text.indexOf("Stalin");
    expect(mentionSnippet(text, start, start + 6, 5)).toMatchObject({ before: "bbbb ", after: " cccc" });
  });
});

describe("findMentionPassages on the letter", () => {
  it("lists the ten “G.P.U.” of the letter, each in context, including those inside “Council of the G.P.U.”", () => {
    const passages = findMentionPassages(entry("ogpu"), letter);
    const mentions = passages.flatMap((passage) => passage.mentions);
    expect(mentions).toHaveLength(10);
    for (const mention of mentions) expect(mention.snippet.mention).toBe("G.P.U.");
    expect(passages[0].anchor).toBe("p1");
    expect(passages[0].mentions[0].snippet.before).toContain("Council of the ");
  });

  it("keeps reading order and only paragraphs that mention the entry", () => {
    const passages = findMentionPassages(entry("volinsky"), letter);
    expect(passages.map((passage) => passage.anchor)).toContain("p1");
    const order = letter.map((paragraph) => paragraph.anchor);
    const indexes = passages.map((passage) => order.indexOf(passage.anchor));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    for (const passage of passages) expect(passage.mentions.length).toBeGreaterThan(0);
  });

  it("finds nothing for an entry the letter does not name", () => {
    const absent: TMentionable = { id: "absent", aliases: [{ text: "Nobody at all" }] };
    expect(findMentionPassages(absent, letter)).toEqual([]);
  });
});

describe("countMentions", () => {
  it("counts every mention of every entry, nested ones included, as the entry pages list them", () => {
    const counts = countMentions(entries, letter);
    expect(counts.get("ogpu")).toBe(10);
    expect(counts.get("ogpu-collegium")).toBe(3);
    for (const candidate of entries) {
      const listed = findMentionPassages(candidate, letter).reduce((sum, passage) => sum + passage.mentions.length, 0);
      expect(counts.get(candidate.id) ?? 0, candidate.id).toBe(listed);
    }
  });
});

describe("offerEntries", () => {
  const options = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];

  it("puts the mentioned entries first, in order of mention, each once, and keeps the rest in order", () => {
    expect(offerEntries(options, ["c", "a", "c"])).toEqual({ mentioned: [{ id: "c" }, { id: "a" }], others: [{ id: "b" }, { id: "d" }] });
  });

  it("ignores ids it does not know, and offers everything as others when nothing is mentioned", () => {
    expect(offerEntries(options, ["zzz"])).toEqual({ mentioned: [], others: options });
  });
});
