import { element, textElement } from "./xml-text";

export type IndexEntry = {
  id: string;
  name: string;
  type: string;
  aliases: unknown;
  description: string;
  dates: string | null;
  wikidata: string | null;
  viaf: string | null;
  geonames: string | null;
  gnd: string | null;
};

/** The xml:id an entry has in the TEI, which annotations point to (entry ids are slugs: "leon-trotsky"). */
export const entryXmlId = (id: string) => `ref-${id}`;

/** Each reference type's list and the element of one entry in it, with the element its names go in. */
const LISTS = {
  person: { list: "listPerson", item: "person", name: "persName" },
  organisation: { list: "listOrg", item: "org", name: "orgName" },
  place: { list: "listPlace", item: "place", name: "placeName" },
  event: { list: "listEvent", item: "event", name: "label" },
  work: { list: "listBibl", item: "bibl", name: "title" },
} as const;
/** Ideas, laws and the rest: one list of terms. */
const OTHER_TYPES = ["concept", "law", "other"];

const IDENTIFIERS = [
  ["wikidata", "https://www.wikidata.org/wiki/"],
  ["viaf", "https://viaf.org/viaf/"],
  ["geonames", "https://www.geonames.org/"],
  ["gnd", "https://d-nb.info/gnd/"],
] as const;

function lettersSpellings(aliases: unknown): string[] {
  if (!Array.isArray(aliases)) return [];
  return aliases.flatMap((alias) => (alias && typeof alias === "object" && (alias as { spelling?: string }).spelling === "letter" ? [String((alias as { text: unknown }).text)] : []));
}

function idnos(entry: IndexEntry): string {
  return IDENTIFIERS.flatMap(([key, base]) => (entry[key] ? [textElement("idno", { type: key }, `${base}${entry[key]}`)] : [])).join("");
}

function described(entry: IndexEntry): string {
  return textElement("note", {}, entry.dates ? `${entry.dates}. ${entry.description}` : entry.description);
}

/**
 * The reference index as TEI lists, inside standOff: people, organisations, places, events and works in their own
 * lists, ideas, laws and the rest as terms; the letter's own spellings as further names; authority identifiers as idno.
 */
export function teiIndex(entries: IndexEntry[]): string {
  const out: string[] = [];
  for (const [type, shape] of Object.entries(LISTS)) {
    const ofType = entries.filter((entry) => entry.type === type);
    if (!ofType.length) continue;
    const items = ofType.map((entry) => {
      const names = [entry.name, ...lettersSpellings(entry.aliases).filter((alias) => alias !== entry.name)];
      const nameElements = names.map((name, index) => textElement(shape.name, index === 0 ? {} : { type: "asInLetter" }, name)).join("");
      // An event's identifiers come first (its content model), the others' after the names.
      const content = type === "event" ? idnos(entry) + nameElements + described(entry) : nameElements + idnos(entry) + described(entry);
      return element(shape.item, { "xml:id": entryXmlId(entry.id) }, content);
    });
    out.push(element(shape.list, {}, items.join("\n")));
  }
  const terms = entries.filter((entry) => OTHER_TYPES.includes(entry.type));
  if (terms.length) {
    out.push(
      element(
        "list",
        { type: "index" },
        terms.map((entry) => element("item", { "xml:id": entryXmlId(entry.id), n: entry.type }, textElement("term", {}, entry.name) + idnos(entry) + described(entry))).join("\n"),
      ),
    );
  }
  return out.join("\n");
}
