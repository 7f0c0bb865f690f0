import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadReferences, parseReferenceIndex, ReferenceIndexError } from "@/lib/references/load-references";
import {
  buildGeoNamesUrl,
  buildGndUrl,
  buildIdentifierUrl,
  buildViafUrl,
  buildWikidataUrl,
  isValidIdentifier,
  listIdentifierLinks,
  ZReferenceEntry,
  type TIdentifierScheme,
  type TReferenceEntry,
} from "@/lib/references/reference-schemas";

// The identifiers below are examples of the FORM only; none is claimed to name anything in particular.
const examples: Record<TIdentifierScheme, { valid: string[]; invalid: string[] }> = {
  wikidata: {
    valid: ["Q1", "Q42", "Q123456789"],
    invalid: ["", "Q", "Q0", "Q042", "q42", "42", "P31", "Q42 ", "Q4.2", "L1"],
  },
  viaf: {
    valid: ["1", "123456789", "1234567890123456789012"],
    invalid: ["", "0", "0123", "12345678901234567890123", "12a45", " 123", "-1"],
  },
  geonames: {
    valid: ["1", "1234567", "987654321012"],
    invalid: ["", "0", "0123", "12.5", "abc", "123 "],
  },
  gnd: {
    valid: ["118540238", "1234567890", "113456789X", "4005728-8", "7123456-0", "1-X", "12345678-9", "300000000", "30000000X"],
    invalid: ["", "0", "X", "4005728-", "4005728-88", "0123456-7", "123456789-0", "14123456789", "11234567", "41234567", "abc", "118540238 "],
  },
};

const entry = (overrides: Partial<TReferenceEntry> = {}): TReferenceEntry => ({
  id: "stalin-faction",
  name: "Stalin faction",
  type: "organisation",
  aliases: [{ text: "Stalin faction", spelling: "letter" }],
  description: "The group around Stalin.",
  dates: null,
  identifiers: { wikidata: null, viaf: null, geonames: null, gnd: null },
  ...overrides,
});

describe("identifier formats", () => {
  for (const [scheme, { valid, invalid }] of Object.entries(examples) as [TIdentifierScheme, (typeof examples)["gnd"]][]) {
    it(`accepts well-formed and refuses malformed ${scheme} identifiers`, () => {
      for (const id of valid) expect(isValidIdentifier(scheme, id), JSON.stringify(id)).toBe(true);
      for (const id of invalid) expect(isValidIdentifier(scheme, id), JSON.stringify(id)).toBe(false);
    });
  }

  it("builds each authority's link", () => {
    expect(buildWikidataUrl("Q42")).toBe("https://www.wikidata.org/wiki/Q42");
    expect(buildViafUrl("123456789")).toBe("https://viaf.org/viaf/123456789");
    expect(buildGeoNamesUrl("1234567")).toBe("https://www.geonames.org/1234567");
    expect(buildGndUrl("4005728-8")).toBe("https://d-nb.info/gnd/4005728-8");
    expect(buildIdentifierUrl("gnd", "113456789X")).toBe("https://d-nb.info/gnd/113456789X");
  });

  it("refuses to build a link from a malformed identifier", () => {
    expect(() => buildWikidataUrl("42")).toThrow(RangeError);
    expect(() => buildViafUrl("../etc")).toThrow(RangeError);
    expect(() => buildGeoNamesUrl("0")).toThrow(RangeError);
    expect(() => buildGndUrl("4005728")).toThrow(RangeError);
  });

  it("lists links only for the identifiers an entry has", () => {
    expect(listIdentifierLinks({ wikidata: null, viaf: null, geonames: null, gnd: null })).toEqual([]);
    expect(listIdentifierLinks({ wikidata: "Q42", viaf: null, geonames: null, gnd: "4005728-8" })).toEqual([
      { scheme: "wikidata", label: "Wikidata", id: "Q42", url: "https://www.wikidata.org/wiki/Q42" },
      { scheme: "gnd", label: "GND", id: "4005728-8", url: "https://d-nb.info/gnd/4005728-8" },
    ]);
  });
});

describe("an entry", () => {
  it("accepts a complete entry with unknown facts left null", () => {
    expect(ZReferenceEntry.parse(entry())).toEqual(entry());
  });

  it("refuses malformed fields", () => {
    const bad: Partial<TReferenceEntry>[] = [
      { id: "Stalin Faction" },
      { id: "stalin--faction" },
      { name: "" },
      { type: "faction" as TReferenceEntry["type"] },
      { aliases: [] },
      { aliases: [{ text: "", spelling: "letter" }] },
      { aliases: [{ text: " Stalin faction", spelling: "letter" }] },
      { aliases: [{ text: "Stalin faction", spelling: "guessed" as "letter" }] },
      { description: "  " },
      { dates: "" },
      { identifiers: { wikidata: "42", viaf: null, geonames: null, gnd: null } },
      { identifiers: { wikidata: null, viaf: null, geonames: null } as TReferenceEntry["identifiers"] },
    ];
    for (const overrides of bad) expect(ZReferenceEntry.safeParse(entry(overrides)).success, JSON.stringify(overrides)).toBe(false);
  });

  it("holds each identifier to its scheme's format, whichever scheme it is", () => {
    const none = { wikidata: null, viaf: null, geonames: null, gnd: null };
    for (const [scheme, { valid, invalid }] of Object.entries(examples) as [TIdentifierScheme, (typeof examples)["gnd"]][]) {
      for (const id of valid) expect(ZReferenceEntry.safeParse(entry({ identifiers: { ...none, [scheme]: id } })).success, `${scheme} ${id}`).toBe(true);
      for (const id of invalid) expect(ZReferenceEntry.safeParse(entry({ identifiers: { ...none, [scheme]: id } })).success, `${scheme} ${id}`).toBe(false);
    }
    // A well-formed identifier of one scheme is not accepted for another.
    expect(ZReferenceEntry.safeParse(entry({ identifiers: { ...none, viaf: "Q42" } })).success).toBe(false);
    expect(ZReferenceEntry.safeParse(entry({ identifiers: { ...none, geonames: "4005728-8" } })).success).toBe(false);
  });

  it("refuses fields it does not know", () => {
    expect(ZReferenceEntry.safeParse({ ...entry(), born: "1878" }).success).toBe(false);
  });
});

describe("the index", () => {
  it("refuses a duplicate id", () => {
    expect(() => parseReferenceIndex([entry(), entry({ aliases: [{ text: "faction of Stalin", spelling: "letter" }] })])).toThrow(
      /duplicate id "stalin-faction"/,
    );
  });

  it("refuses an alias that would lead to two entries, or is listed twice", () => {
    const other = entry({ id: "stalin", name: "Stalin" });
    expect(() => parseReferenceIndex([entry(), other])).toThrow(/already an alias of "stalin-faction"/);
    const twice = entry({
      aliases: [
        { text: "Stalin faction", spelling: "letter" },
        { text: "Stalin faction", spelling: "standard" },
      ],
    });
    expect(() => parseReferenceIndex([twice])).toThrow(/listed twice/);
  });

  it("refuses an entry without aliases, naming where", () => {
    expect(() => parseReferenceIndex([entry({ aliases: [] })], "references.json")).toThrow(ReferenceIndexError);
    expect(() => parseReferenceIndex([entry({ aliases: [] })], "references.json")).toThrow(/references\.json.*aliases/s);
  });

  it("reads a file and names it when it is not JSON", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "references-"));
    const good = path.join(directory, "good.json");
    const broken = path.join(directory, "broken.json");
    writeFileSync(good, JSON.stringify([entry()]));
    writeFileSync(broken, "[{");
    await expect(loadReferences(good)).resolves.toEqual([entry()]);
    await expect(loadReferences(broken)).rejects.toThrow(/broken\.json: not valid JSON/);
  });
});
