import { z } from "zod";
import { NOTE_INCLUDE, toNoteView } from "../annotations/load-notes";
import { isReadableRow, noteAccessOf, toNoteResource, visibleNotesWhere } from "../annotations/note-access";
import { contextOf, type Reader } from "../request/request-context";
import type { NoteView } from "../annotations/note-view";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { PrismaClient } from "../db/create-prisma-client";
import { notFound } from "../errors/app-error";
import { ENTRY_ID } from "./assert-reference-entry";
import { countMentions, findMentionPassages, type TLetterParagraph, type TMentionPassage } from "./mention-passages";
import {
  listIdentifierLinks,
  REFERENCE_TYPES,
  ZAlias,
  type TAlias,
  type TIdentifierLink,
  type TReferenceType,
} from "./reference-schemas";

const INDEX: { type: "reference-index" } = { type: "reference-index" };
const ZStoredAliases = z.array(ZAlias);

/** The letter whose passages the index shows: its slug (for links) and its anchored paragraphs. */
export type TLetterText = { slug: string; paragraphs: ReadonlyArray<TLetterParagraph> };

export type TReferenceSummary = {
  id: string;
  name: string;
  type: TReferenceType;
  dates: string | null;
  aliases: TAlias[];
};
export type TReferenceGroup = { type: TReferenceType; entries: TReferenceSummary[] };

export type TReferenceEntryPage = {
  entry: TReferenceSummary & { description: string };
  identifierLinks: TIdentifierLink[];
  passages: TMentionPassage[];
  notes: { note: NoteView; documentSlug: string }[];
  /** Visible notes on the entry, of which `notes` holds the newest MAX_ENTRY_NOTES. */
  noteCount: number;
};

/** Notes shown on an entry's page; the rest are found with the letter's filters. */
export const MAX_ENTRY_NOTES = 100;

type EntryRow = { id: string; name: string; type: TReferenceType; dates: string | null; aliases: unknown };

function toSummary(row: EntryRow): TReferenceSummary {
  return { id: row.id, name: row.name, type: row.type, dates: row.dates, aliases: ZStoredAliases.parse(row.aliases) };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** Every entry of the index, grouped by type in the index's order of types, alphabetically within each. */
export async function listReferenceEntries(prisma: PrismaClient, actor: Actor): Promise<TReferenceGroup[]> {
  assertCan(actor, "reference:read", INDEX);
  const rows = await prisma.referenceEntry.findMany({ select: { id: true, name: true, type: true, dates: true, aliases: true } });
  const entries = rows.map(toSummary).sort(byName);
  return REFERENCE_TYPES.map((type) => ({ type, entries: entries.filter((entry) => entry.type === type) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** How often the letter mentions each entry (entries it never mentions are absent). */
export function countLetterMentions(groups: ReadonlyArray<TReferenceGroup>, letter: TLetterText): Map<string, number> {
  return countMentions(
    groups.flatMap((group) => group.entries),
    letter.paragraphs,
  );
}

/**
 * One entry with its identifier links, every passage of the letter that mentions it, and the notes linked to it
 * that the actor may see (notes that open a thread; replies belong to their thread). Unknown id: not_found. Without
 * the letter (not imported yet) there are no passages.
 */
export async function getReferenceEntry(
  prisma: PrismaClient,
  who: Reader,
  id: string,
  letter: TLetterText | null,
): Promise<TReferenceEntryPage> {
  const { actor, reader } = await contextOf(prisma, who);
  assertCan(actor, "reference:read", INDEX);
  if (!ENTRY_ID.test(id)) throw notFound("No such entry in the reference index");
  const row = await prisma.referenceEntry.findUnique({ where: { id } });
  if (!row) throw notFound("No such entry in the reference index");
  const entry = { ...toSummary(row), description: row.description };
  // Live notes only: a deleted note kept as its thread's placeholder says nothing about the entry.
  const where = { AND: [visibleNotesWhere(actor, reader), { referenceEntryId: id, threadId: null, deletedAt: null }] };
  const [rows, noteCount] = await Promise.all([
    prisma.note.findMany({
      where,
      include: { ...NOTE_INCLUDE, document: { select: { slug: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_ENTRY_NOTES,
    }),
    prisma.note.count({ where }),
  ]);
  // The query already filters by visibility; the policy has the last word on every row.
  const notes = rows.flatMap((note) => {
    const resource = toNoteResource(note, reader);
    return isReadableRow(actor, resource, note.id, "reference-queries") ? [{ note: toNoteView(note, noteAccessOf(actor, resource, { locked: note.lockedAt !== null })), documentSlug: note.document.slug }] : [];
  });
  return {
    entry,
    identifierLinks: listIdentifierLinks({ wikidata: row.wikidata, viaf: row.viaf, geonames: row.geonames, gnd: row.gnd }),
    passages: letter ? findMentionPassages({ id, aliases: entry.aliases }, letter.paragraphs) : [],
    notes,
    noteCount,
  };
}
