import type { PrismaClient } from "../db/create-prisma-client";
import { loadReferences } from "./load-references";
import type { TReferenceIndex } from "./reference-schemas";

/**
 * Writes content/references.json into the ReferenceEntry table: inserts new entries, updates changed ones. Entries
 * removed from the file are kept (notes may link to them); ids never change once published.
 */
export async function seedReferenceIndex(prisma: PrismaClient, index?: TReferenceIndex): Promise<{ entries: number }> {
  const entries = index ?? (await loadReferences());
  await prisma.$transaction(
    entries.map((entry) => {
      const data = {
        name: entry.name,
        type: entry.type,
        aliases: entry.aliases,
        description: entry.description,
        dates: entry.dates,
        wikidata: entry.identifiers.wikidata,
        viaf: entry.identifiers.viaf,
        geonames: entry.identifiers.geonames,
        gnd: entry.identifiers.gnd,
      };
      return prisma.referenceEntry.upsert({ where: { id: entry.id }, create: { id: entry.id, ...data }, update: data });
    }),
  );
  return { entries: entries.length };
}
