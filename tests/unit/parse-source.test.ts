import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/documents/parse-source";
import { SourceFormatError } from "@/lib/documents/source-format-error";

const letter = readFileSync("content/reply-to-stalin.txt", "utf8");
const parsed = parseSource(letter);
const byAnchor = (anchor: string) => parsed.blocks.find((block) => block.anchorId === anchor)!;
const count = (kind: string) => parsed.blocks.filter((block) => block.kind === kind).length;

describe("parseSource on Reply to Stalin", () => {
  it("finds each kind of block as often as the letter has it", () => {
    expect(count("body") + count("blockquote")).toBe(27);
    expect(count("blockquote")).toBe(1);
    expect(count("salutation")).toBe(2);
    expect(count("dateline")).toBe(1);
    expect(count("footnote")).toBe(1);
    expect(count("section_break")).toBe(1);
    expect(parsed.blocks).toHaveLength(32);
  });

  it("numbers p1–p27 in reading order, the block quotation included", () => {
    const numbered = parsed.blocks.filter((block) => block.kind === "body" || block.kind === "blockquote");
    expect(numbered.map((block) => block.anchorId)).toEqual(Array.from({ length: 27 }, (_, i) => `p${i + 1}`));
    expect(byAnchor("p20").text.startsWith("Two of my closest co-workers")).toBe(true);
    expect(byAnchor("p25").kind).toBe("blockquote");
    expect(byAnchor("p25").text.startsWith("“Only a bureaucracy corrupted")).toBe(true);
    expect(byAnchor("p2").kind).toBe("body");
  });

  it("keeps the first and last body paragraphs to the character", () => {
    expect(byAnchor("p1").text).toBe(
      "Today, December 16th, the representative of the Council of the G.P.U. Volinsky transmitted the following ultimatum to me orally:",
    );
    expect(byAnchor("p27").text).toBe(
      "Each to his own part! You want to continue to carry out the promptings of the class forces hostile to the proletariat. We know our duty. We will carry it out to the end.",
    );
  });

  it("keeps the source's misprints", () => {
    expect(byAnchor("p5").text).toContain("a struggle 1 have been conducting");
    expect(byAnchor("p15").text).toContain("to coyer up the real war");
    expect(byAnchor("p18").text).toContain("Te renounce political activity");
    expect(byAnchor("dateline").text).toBe("December 16, 1928, Alma Alta.");
  });

  it("anchors the salutations, dateline and footnote, and gives the section break no anchor", () => {
    expect(byAnchor("s1").text).toBe("To the Central Committee of the Communist Party of the Soviet Union!");
    expect(byAnchor("s2").text).toBe("To the Executive Committee of the Communist International!");
    expect(parsed.blocks.find((block) => block.kind === "section_break")!.anchorId).toBeNull();
    expect(parsed.blocks.at(-1)!.anchorId).toBe("fn1");
  });

  it("lifts the footnote mark out of the text and records where it stood", () => {
    const paragraph = byAnchor("p24");
    expect(paragraph.text).toContain("only when Article 58 perfidiously applies to us");
    expect(paragraph.text).not.toContain("[1]");
    expect(paragraph.footnoteMarks).toHaveLength(1);
    const [mark] = paragraph.footnoteMarks;
    expect(mark.label).toBe("1");
    expect([...paragraph.text].slice(0, mark.offset).join("").endsWith("Article 58")).toBe(true);
    const footnote = byAnchor("fn1");
    expect(footnote.footnoteLabel).toBe("1");
    expect(footnote.text).toBe(
      "Article 58 of the Penal Code of the Soviet Union deals with the counter-revolutionary activities. It was employed by Stalin to imprison and exile the Opposition.",
    );
  });

  it("leaves the web page's navigation out", () => {
    for (const block of parsed.blocks) expect(block.text).not.toMatch(/\breturn return\b/);
    expect(parsed.blocks.some((block) => block.text.includes("Last updated"))).toBe(false);
  });

  it("reads the metadata lines into document fields", () => {
    expect(parsed).toMatchObject({
      author: "L.D. Trotsky",
      title: "Reply to Stalin",
      dateLine: "(December 1928)",
      writtenText: "16 December 1928.",
      writtenOn: "1928-12-16",
      translation: "By The Militant.",
      transcriptionCredit: "Einde O’Callaghan for the Trotsky Internet Archive.",
      lastUpdatedText: "12.8.2012",
      lastUpdatedOn: "2012-08-12",
    });
    expect(parsed.firstPublication).toBe("Trotsky’s Reply to Stalin, The Militant, Vol. II. No. 7, 1 April 1929, pp.\u00a01\u00a0&\u00a04.");
    expect(parsed.licenceText).toMatch(/^Leon Trotsky Internet Archive \(www\.marxists\.org\) 2012\. .*GNU Free Documentation License$/);
  });
});

describe("parseSource on bad input", () => {
  it("refuses an empty file", () => {
    expect(() => parseSource("  \n")).toThrow(SourceFormatError);
  });

  it("refuses a file without metadata", () => {
    expect(() => parseSource("Some text\n\nMore text\n")).toThrow(/no metadata lines/);
  });

  it("refuses a file without a licence line", () => {
    const withoutLicence = letter.replace(/^Copyleft:.*$/m, "");
    expect(() => parseSource(withoutLicence)).toThrow(/licence/);
  });

  it("refuses a footnote mark without its footnote", () => {
    const withoutFootnote = letter.replace(/^1\. Article 58.*$/m, "");
    expect(() => parseSource(withoutFootnote)).toThrow(/footnote mark \[1\]/);
  });

  it("reads Windows line endings the same way", () => {
    const crlf = parseSource(letter.replace(/\n/g, "\r\n"));
    expect(crlf.blocks.map((block) => block.text)).toEqual(parsed.blocks.map((block) => block.text));
  });
});
