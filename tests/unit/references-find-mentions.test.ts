import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/documents/parse-source";
import {
  findMentions,
  listMentionedEntryIds,
  mentionsInPassage,
  type TMention,
  type TMentionable,
} from "@/lib/references/find-mentions";
import { loadReferences } from "@/lib/references/load-references";

const entries = await loadReferences();
const parsed = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8"));
const bodyParagraphs = parsed.blocks.filter((block) => block.kind === "body");
const paragraph = (anchor: string) => parsed.blocks.find((block) => block.anchorId === anchor)!.text;

/** The text a mention covers, cut by code points. */
const cover = (text: string, mention: TMention) => [...text].slice(mention.start, mention.end).join("");

const gpu: TMentionable = { id: "ogpu", aliases: [{ text: "G.P.U." }] };
const council: TMentionable = { id: "ogpu-collegium", aliases: [{ text: "Council of the G.P.U." }] };

describe("findMentions: whole words, spelled as in the letter", () => {
  it("matches an alias ending in a full stop before a comma, a full stop, a space or the end", () => {
    const text = "the G.P.U., the G.P.U. and the G.P.U.";
    expect(findMentions(text, [gpu]).map((m) => [m.start, m.end])).toEqual([
      [4, 10],
      [16, 22],
      [31, 37],
    ]);
  });

  it("does not match inside a word or inside a longer abbreviation", () => {
    const lenin: TMentionable = { id: "lenin", aliases: [{ text: "Lenin" }] };
    expect(findMentions("the Leninist wing; the Bolshevik-Leninists; Lenin’s Testament; Lenin.", [lenin])).toEqual([
      { entryId: "lenin", alias: "Lenin", start: 44, end: 49 },
      { entryId: "lenin", alias: "Lenin", start: 63, end: 68 },
    ]);
    const pu: TMentionable = { id: "pu", aliases: [{ text: "P.U." }, { text: "G.P" }] };
    expect(findMentions("the G.P.U. Volinsky", [pu])).toEqual([]);
    expect(findMentions("the G.P.Ux", [gpu])).toEqual([]);
  });

  it("is case-sensitive unless told otherwise", () => {
    const menshevism: TMentionable = { id: "menshevism", aliases: [{ text: "Menshevism" }] };
    const text = "the line of Menshevism … international menshevism.";
    expect(findMentions(text, [menshevism])).toHaveLength(1);
    const relaxed = findMentions(text, [menshevism], { isCaseSensitive: false });
    expect(relaxed.map((m) => cover(text, m))).toEqual(["Menshevism", "menshevism"]);
  });

  it("keeps the letter's typographic apostrophes as part of an alias", () => {
    const kulak: TMentionable = { id: "kulak", aliases: [{ text: "Kulak’s growing into Socialism" }] };
    expect(findMentions("the theory of the Kulak’s growing into Socialism, to the myth", [kulak])).toEqual([
      { entryId: "kulak", alias: "Kulak’s growing into Socialism", start: 18, end: 48 },
    ]);
    expect(findMentions("the Kulak's growing into Socialism", [kulak])).toEqual([]);
  });

  it("treats regular-expression characters in an alias literally", () => {
    const party: TMentionable = { id: "vkp", aliases: [{ text: "VKP(b)" }] };
    expect(findMentions("the VKP(b), not the VKPb", [party])).toEqual([{ entryId: "vkp", alias: "VKP(b)", start: 4, end: 10 }]);
  });
});

describe("findMentions: overlapping aliases", () => {
  const text = "the Council of the G.P.U. has decided";

  it("by default lets the longest alias win and reports no overlapping mentions", () => {
    expect(findMentions(text, [gpu, council])).toEqual([
      { entryId: "ogpu-collegium", alias: "Council of the G.P.U.", start: 4, end: 25 },
    ]);
  });

  it("in nested mode also reports the mention inside the longer one", () => {
    expect(findMentions(text, [gpu, council], { overlap: "nested" })).toEqual([
      { entryId: "ogpu-collegium", alias: "Council of the G.P.U.", start: 4, end: 25 },
      { entryId: "ogpu", alias: "G.P.U.", start: 19, end: 25 },
    ]);
  });

  it("in nested mode drops a shorter alias of the same entry inside a longer one", () => {
    const generalCouncil: TMentionable = { id: "tuc", aliases: [{ text: "General Council" }, { text: "British General Council" }] };
    expect(findMentions("the British General Council, the General Council", [generalCouncil], { overlap: "nested" })).toEqual([
      { entryId: "tuc", alias: "British General Council", start: 4, end: 27 },
      { entryId: "tuc", alias: "General Council", start: 33, end: 48 },
    ]);
  });

  it("between equally long crossing matches keeps the earlier; two entries on one span are both reported", () => {
    const ab: TMentionable = { id: "ab", aliases: [{ text: "big red" }] };
    const bc: TMentionable = { id: "bc", aliases: [{ text: "red box" }] };
    expect(findMentions("the big red box", [bc, ab]).map((m) => m.entryId)).toEqual(["ab"]);
    expect(findMentions("the big red box", [bc, ab], { overlap: "nested" }).map((m) => m.entryId)).toEqual(["ab", "bc"]);
    const twin: TMentionable = { id: "twin", aliases: [{ text: "G.P.U." }] };
    expect(findMentions("the G.P.U.", [gpu, twin]).map((m) => m.entryId)).toEqual(["ogpu", "twin"]);
  });
});

describe("findMentions: code-point offsets", () => {
  it("counts characters outside the Basic Multilingual Plane as one", () => {
    const text = "😀 the G.P.U., 𝔊 Stalin.";
    const stalin: TMentionable = { id: "stalin", aliases: [{ text: "Stalin" }] };
    const mentions = findMentions(text, [gpu, stalin]);
    expect(mentions).toEqual([
      { entryId: "ogpu", alias: "G.P.U.", start: 6, end: 12 },
      { entryId: "stalin", alias: "Stalin", start: 16, end: 22 },
    ]);
    expect(text.indexOf("G.P.U.")).toBe(7); // UTF-16 units differ from code points here
    for (const mention of mentions) expect(cover(text, mention)).toBe(mention.alias);
  });

  it("treats a combining mark as part of a word", () => {
    const marx: TMentionable = { id: "marx", aliases: [{ text: "Marx" }] };
    expect(findMentions("Marx\u0301 and Marx", [marx]).map((m) => m.start)).toEqual([10]);
  });
});

describe("findMentions on the letter", () => {
  it("finds the ten “G.P.U.” of the body paragraphs", () => {
    const occurrences = bodyParagraphs.reduce((sum, block) => sum + block.text.split("G.P.U.").length - 1, 0);
    expect(occurrences).toBe(10);
    const nested = bodyParagraphs.flatMap((block) => findMentions(block.text, entries, { overlap: "nested" }));
    expect(nested.filter((m) => m.entryId === "ogpu" && m.alias === "G.P.U.")).toHaveLength(10);
  });

  it("reports three of them as the Council of the G.P.U. when the longest alias wins", () => {
    const longest = bodyParagraphs.flatMap((block) => findMentions(block.text, entries));
    expect(longest.filter((m) => m.entryId === "ogpu")).toHaveLength(7);
    expect(longest.filter((m) => m.entryId === "ogpu-collegium")).toHaveLength(3);
  });

  it("finds the G.P.U.'s representative in the first paragraph at the right offsets", () => {
    const text = paragraph("p1");
    expect(findMentions(text, entries)).toEqual([
      { entryId: "ogpu-collegium", alias: "Council of the G.P.U.", start: 48, end: 69 },
      { entryId: "volinsky", alias: "Volinsky", start: 70, end: 78 },
    ]);
  });

  it("finds the whole salutation and, nested, the party and the state inside it", () => {
    expect(findMentions(paragraph("s1"), entries, { overlap: "nested" }).map((m) => m.entryId)).toEqual([
      "central-committee",
      "communist-party-soviet-union",
      "ussr",
    ]);
  });

  it("gives offsets that cut out exactly the alias, in every block of the letter", () => {
    for (const block of parsed.blocks) {
      for (const mention of findMentions(block.text, entries, { overlap: "nested" })) {
        expect(cover(block.text, mention)).toBe(mention.alias);
      }
    }
  });

  it("never reports overlapping mentions by default", () => {
    for (const block of parsed.blocks) {
      const mentions = findMentions(block.text, entries);
      mentions.slice(1).forEach((mention, i) => expect(mention.start).toBeGreaterThanOrEqual(mentions[i].end));
    }
  });
});

describe("mentionsInPassage", () => {
  const text = paragraph("p1");
  const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;

  it("offers every entry mentioned in the annotated passage, nested ones included", () => {
    const start = at("Council");
    const end = at(" transmitted");
    const mentions = mentionsInPassage(text, start, end, entries);
    expect(listMentionedEntryIds(mentions)).toEqual(["ogpu-collegium", "ogpu", "volinsky"]);
  });

  it("offers a mention the passage only partly covers, and none outside it", () => {
    const start = at("G.P.U.") + 2;
    expect(listMentionedEntryIds(mentionsInPassage(text, start, start + 1, entries))).toEqual(["ogpu-collegium", "ogpu"]);
    expect(mentionsInPassage(text, 0, at("Council"), entries)).toEqual([]);
    expect(mentionsInPassage(text, at("Volinsky"), at("Volinsky"), entries)).toEqual([]);
  });

  it("can use the longest-wins mode instead", () => {
    const mentions = mentionsInPassage(text, 0, [...text].length, entries, { overlap: "longest" });
    expect(listMentionedEntryIds(mentions)).toEqual(["ogpu-collegium", "volinsky"]);
  });

  it("refuses a passage outside the text", () => {
    const length = [...text].length;
    expect(() => mentionsInPassage(text, -1, 3, entries)).toThrow(RangeError);
    expect(() => mentionsInPassage(text, 5, 4, entries)).toThrow(RangeError);
    expect(() => mentionsInPassage(text, 0, length + 1, entries)).toThrow(RangeError);
    expect(() => mentionsInPassage(text, 0.5, 3, entries)).toThrow(RangeError);
  });
});
