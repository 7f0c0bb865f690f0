import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/documents/parse-source";
import { findMentions } from "@/lib/references/find-mentions";
import { loadReferences } from "@/lib/references/load-references";
import { IDENTIFIER_SCHEMES, isValidIdentifier, REFERENCE_TYPES } from "@/lib/references/reference-schemas";

const entries = await loadReferences();
const parsed = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8"));

/** Everything parseSource keeps of the edition: heading, colophon, paragraphs, dateline and footnote. */
const editionTexts = [
  parsed.author,
  parsed.title,
  parsed.dateLine,
  parsed.writtenText,
  parsed.translation,
  parsed.firstPublication,
  parsed.transcriptionCredit,
  parsed.licenceText,
  parsed.lastUpdatedText,
  ...parsed.blocks.map((block) => block.text),
].filter((text): text is string => text !== null);

/** Whether `alias` occurs in the edition as a whole-word, case-sensitive match — as findMentions would find it. */
function isInEdition(alias: string): boolean {
  const probe = [{ id: "probe", aliases: [{ text: alias }] }];
  return editionTexts.some((text) => findMentions(text, probe).length > 0);
}

const byId = (id: string) => entries.find((entry) => entry.id === id)!;
const letterSpellings = (id: string) =>
  byId(id)
    .aliases.filter((alias) => alias.spelling === "letter")
    .map((alias) => alias.text);

describe("the reference index seed (content/references.json)", () => {
  it("validates and holds at least thirty entries", () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  it("uses only the known types, and covers people, bodies, places, events, works, laws and concepts", () => {
    const types = new Set(entries.map((entry) => entry.type));
    for (const type of types) expect(REFERENCE_TYPES).toContain(type);
    for (const type of ["person", "organisation", "place", "event", "work", "law", "concept"]) {
      expect(types.has(type as (typeof REFERENCE_TYPES)[number]), type).toBe(true);
    }
  });

  it("finds every alias marked as the letter's spelling in the letter, spelled exactly so", () => {
    const missing = entries.flatMap((entry) =>
      entry.aliases
        .filter((alias) => alias.spelling === "letter" && !isInEdition(alias.text))
        .map((alias) => `${entry.id}: ${alias.text}`),
    );
    expect(missing).toEqual([]);
  });

  it("names every entry in the letter under at least one of its aliases", () => {
    const unnamed = entries.filter((entry) => !entry.aliases.some((alias) => alias.spelling === "letter"));
    expect(unnamed.map((entry) => entry.id)).toEqual([]);
  });

  it("keeps the letter's own spellings beside the standard ones", () => {
    expect(letterSpellings("ogpu")).toContain("G.P.U.");
    expect(letterSpellings("ogpu-collegium")).toContain("Council of the G.P.U.");
    expect(letterSpellings("alma-ata")).toEqual(["Alma Alta"]);
    expect(letterSpellings("comintern")).toEqual(expect.arrayContaining(["Comintern", "Communist International"]));
    expect(letterSpellings("posnansky")).toEqual(["Fosnansky"]);
    expect(letterSpellings("estonia")).toEqual(["Esthonia"]);
    expect(letterSpellings("georgi-butov")).toContain("Georgi Vassilievitch Butov");
    expect(letterSpellings("kulak-growing-into-socialism")).toEqual(["Kulak’s growing into Socialism"]);
    expect(byId("alma-ata").aliases).toContainEqual({ text: "Alma-Ata", spelling: "standard" });
    expect(isInEdition("Alma-Ata")).toBe(false);
  });

  it("leaves uncertain facts empty rather than guessing", () => {
    for (const id of ["volinsky", "sermuks", "posnansky", "georgi-butov"]) expect(byId(id).dates, id).toBeNull();
  });

  it("holds only well-formed identifiers, where it holds any", () => {
    const malformed = entries.flatMap((entry) =>
      IDENTIFIER_SCHEMES.filter((scheme) => {
        const id = entry.identifiers[scheme];
        return id !== null && !isValidIdentifier(scheme, id);
      }).map((scheme) => `${entry.id}: ${scheme}`),
    );
    expect(malformed).toEqual([]);
  });
});
