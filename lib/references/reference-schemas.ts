import { z } from "zod";

/**
 * The reference index: people, bodies, places, events, works and ideas the letter names, each with the spellings
 * under which it appears. Editorial rule: a field we cannot support is left empty (null), never guessed — above all
 * the authority identifiers, which cannot be checked without looking them up.
 */

export const REFERENCE_TYPES = ["person", "organisation", "place", "event", "work", "concept", "law", "other"] as const;
export const ZReferenceType = z.enum(REFERENCE_TYPES);
export type TReferenceType = z.infer<typeof ZReferenceType>;

/** Text with no leading or trailing white space and at least one character. */
const ZTrimmedText = z
  .string()
  .min(1)
  .refine((text) => text === text.trim(), { message: "must not begin or end with white space" });

/**
 * One spelling of an entry. `letter`: spelled exactly so (case and punctuation included) somewhere in the
 * edition's text — its heading, colophon, paragraphs or footnote — and the tests hold it to that. `standard`: a
 * usual spelling in other sources, which need not occur in the letter ("Alma-Ata" beside the letter's "Alma Alta").
 */
export const ZAliasSpelling = z.enum(["letter", "standard"]);
export type TAliasSpelling = z.infer<typeof ZAliasSpelling>;

export const ZAlias = z.strictObject({ text: ZTrimmedText, spelling: ZAliasSpelling });
export type TAlias = z.infer<typeof ZAlias>;

// Identifier formats. Each checks the form only: a well-formed identifier may still name the wrong thing.
export const WIKIDATA_PATTERN = /^Q[1-9]\d*$/;
export const VIAF_PATTERN = /^[1-9]\d{0,21}$/;
export const GEONAMES_PATTERN = /^[1-9]\d*$/;
/** The pattern the Deutsche Nationalbibliothek documents for GND identifiers. */
export const GND_PATTERN = /^(1[0123]?\d{7}[0-9X]|[47]\d{6}-\d|[1-9]\d{0,7}-[0-9X]|3\d{7}[0-9X])$/;

export const ZWikidataId = z.string().regex(WIKIDATA_PATTERN, { message: "a Wikidata item is Q followed by digits, e.g. Q42" });
export const ZViafId = z.string().regex(VIAF_PATTERN, { message: "a VIAF identifier is 1 to 22 digits, not starting with 0" });
export const ZGeoNamesId = z.string().regex(GEONAMES_PATTERN, { message: "a GeoNames identifier is digits, not starting with 0" });
export const ZGndId = z.string().regex(GND_PATTERN, { message: "not a well-formed GND identifier" });

export const IDENTIFIER_SCHEMES = ["wikidata", "viaf", "geonames", "gnd"] as const;
export type TIdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

/** Every scheme is present; null means "not known" (not looked up, or not certain). */
export const ZIdentifiers = z.strictObject({
  wikidata: ZWikidataId.nullable(),
  viaf: ZViafId.nullable(),
  geonames: ZGeoNamesId.nullable(),
  gnd: ZGndId.nullable(),
});
export type TIdentifiers = z.infer<typeof ZIdentifiers>;

export const ZReferenceEntry = z.strictObject({
  /** Stable kebab-case slug; other records may point at it, so it never changes once published. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "an id is a kebab-case slug" }),
  /** The standard English scholarly name, or the letter's spelling where no standard one is established. */
  name: ZTrimmedText,
  type: ZReferenceType,
  aliases: z.array(ZAlias).min(1, { message: "an entry needs at least one alias" }),
  /** One or two neutral sentences of well-established fact, or of what the letter itself says. */
  description: ZTrimmedText,
  /** Free text ("1879–1940", "1923"); null when not known for certain. */
  dates: ZTrimmedText.nullable(),
  identifiers: ZIdentifiers,
});
export type TReferenceEntry = z.infer<typeof ZReferenceEntry>;

/**
 * The whole index: ids are unique, and so is every alias text across all entries, so that each spelling found in
 * the text leads to exactly one entry.
 */
export const ZReferenceIndex = z.array(ZReferenceEntry).superRefine((entries, context) => {
  const ids = new Set<string>();
  const aliasOwners = new Map<string, string>();
  entries.forEach((entry, index) => {
    if (ids.has(entry.id)) {
      context.addIssue({ code: "custom", path: [index, "id"], message: `duplicate id "${entry.id}"` });
    }
    ids.add(entry.id);
    entry.aliases.forEach((alias, aliasIndex) => {
      const owner = aliasOwners.get(alias.text);
      if (owner !== undefined) {
        context.addIssue({
          code: "custom",
          path: [index, "aliases", aliasIndex, "text"],
          message:
            owner === entry.id
              ? `alias "${alias.text}" is listed twice in "${entry.id}"`
              : `alias "${alias.text}" of "${entry.id}" is already an alias of "${owner}"`,
        });
      } else {
        aliasOwners.set(alias.text, entry.id);
      }
    });
  });
});
export type TReferenceIndex = z.infer<typeof ZReferenceIndex>;

const IDENTIFIER_FORMATS: Record<TIdentifierScheme, { schema: z.ZodString; base: string; label: string }> = {
  wikidata: { schema: ZWikidataId, base: "https://www.wikidata.org/wiki/", label: "Wikidata" },
  viaf: { schema: ZViafId, base: "https://viaf.org/viaf/", label: "VIAF" },
  geonames: { schema: ZGeoNamesId, base: "https://www.geonames.org/", label: "GeoNames" },
  gnd: { schema: ZGndId, base: "https://d-nb.info/gnd/", label: "GND" },
};

export function isValidIdentifier(scheme: TIdentifierScheme, id: string): boolean {
  return IDENTIFIER_FORMATS[scheme].schema.safeParse(id).success;
}

/** The authority's page for an identifier; throws a RangeError for a malformed one rather than build a dead link. */
export function buildIdentifierUrl(scheme: TIdentifierScheme, id: string): string {
  const format = IDENTIFIER_FORMATS[scheme];
  if (!format.schema.safeParse(id).success) {
    throw new RangeError(`"${id}" is not a well-formed ${format.label} identifier`);
  }
  return format.base + id;
}

export const buildWikidataUrl = (id: string) => buildIdentifierUrl("wikidata", id);
export const buildViafUrl = (id: string) => buildIdentifierUrl("viaf", id);
export const buildGeoNamesUrl = (id: string) => buildIdentifierUrl("geonames", id);
export const buildGndUrl = (id: string) => buildIdentifierUrl("gnd", id);

export type TIdentifierLink = { scheme: TIdentifierScheme; label: string; id: string; url: string };

/** Links for the identifiers an entry has, in a fixed order; unknown (null) ones are left out. */
export function listIdentifierLinks(identifiers: TIdentifiers): TIdentifierLink[] {
  return IDENTIFIER_SCHEMES.flatMap((scheme) => {
    const id = identifiers[scheme];
    return id === null ? [] : [{ scheme, label: IDENTIFIER_FORMATS[scheme].label, id, url: buildIdentifierUrl(scheme, id) }];
  });
}
