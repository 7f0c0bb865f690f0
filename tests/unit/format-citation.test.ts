import { describe, expect, it } from "vitest";
import { escapeBibtex, formatBibtex, formatChicago, invertName } from "@/lib/citation/format-citation";
import type { CitationSource } from "@/lib/citation/citation-source";

const source: CitationSource = {
  author: "L.D. Trotsky",
  title: "Reply to Stalin",
  writtenOn: "1928-12-16",
  place: "Alma-Ata",
  translation: "By The Militant.",
  url: "https://marginalia.example/letters/reply-to-stalin#p12",
  locator: "12",
  accessedOn: "2026-11-25",
  lastModifiedOn: "2012-08-12",
  publisher: "Marginalia",
};

describe("citations", () => {
  it("inverts the author's name for a bibliography", () => {
    expect(invertName("L.D. Trotsky")).toBe("Trotsky, L. D.");
    expect(invertName("Lenin")).toBe("Lenin");
  });

  it("formats a Chicago entry with the passage and its permalink", () => {
    expect(formatChicago(source)).toBe(
      "Trotsky, L. D. “Reply to Stalin.” Letter, Alma-Ata, December 16, 1928. Translated by The Militant. Para. 12. Marginalia. Last modified August 12, 2012. Accessed November 25, 2026. https://marginalia.example/letters/reply-to-stalin#p12.",
    );
  });

  it("names unnumbered blocks by their anchor", () => {
    expect(formatChicago({ ...source, locator: "fn1" })).toContain("§ fn1.");
  });

  it("formats a BibTeX entry with a unique key per passage", () => {
    const entry = formatBibtex(source);
    expect(entry.startsWith("@misc{trotsky1928reply-12,\n")).toBe(true);
    expect(entry).toContain("  author = {Trotsky, L. D.}");
    expect(entry).toContain("  month = dec");
    expect(entry).toContain("  url = {https://marginalia.example/letters/reply-to-stalin#p12}");
    expect(entry).toContain("  note = {Letter, Alma-Ata. Translated by The Militant. paragraph 12}");
    expect(entry.trim().endsWith("}")).toBe(true);
  });

  it("escapes BibTeX's special characters", () => {
    expect(escapeBibtex("A & B {50%} #1 $x_y")).toBe("A \\& B \\{50\\%\\} \\#1 \\$x\\_y");
  });
});
