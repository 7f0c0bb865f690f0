import type { Actor } from "../authz/actor";
import { notePredicate } from "../authz/note-filter/note-filter";
import { and, isNull, toNoteSql } from "../authz/note-filter/note-predicate";
import type { ReaderContext } from "../authz/reader-context";
import { Prisma } from "../db/generated/client";
import type { TNoteSearchQuery } from "./search-schemas";

// SQL fragments over "Note" n. Every value is a bound parameter (Prisma.sql); nothing the reader sends is spliced in.

export const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/** Text match through the GIN index on the generated column. */
export const matchesText = (q: string) => Prisma.sql`n."searchVector" @@ ${tsQuery(q)}`;

export const rankOf = (q: string) => Prisma.sql`ts_rank_cd(n."searchVector", ${tsQuery(q)})`;

/**
 * The policy's "note:read" as SQL over "Note" n, derived from its rules (lib/authz/note-filter): the same definition
 * lists, counts and can() use. Search asks for live notes only (a deleted note is never found, even where a
 * placeholder of it is readable); the margin's lists ask for placeholders too.
 */
export function visibleToReader(actor: Actor, reader: ReaderContext, { placeholders = false } = {}): Prisma.Sql {
  const readable = notePredicate("note:read", actor, reader);
  return toNoteSql(placeholders ? readable : and(readable, isNull("deletedAt")));
}

export const hasReferenceType = (type: string) => Prisma.sql`n."referenceType" = ${type}::"ReferenceType"`;
export const hasTag = (tag: string) => Prisma.sql`n."tags" @> ARRAY[${tag}]::text[]`;

/** The filters other than reference type and tag (those two are applied apart so that facets can leave out their own). */
export function otherFilters(documentId: string, query: Pick<TNoteSearchQuery, "author" | "group" | "visibility" | "entry" | "paragraph">): Prisma.Sql[] {
  const conditions = [Prisma.sql`n."documentId" = ${documentId}::uuid`];
  if (query.author) conditions.push(Prisma.sql`n."authorId" = ${query.author}::uuid`);
  if (query.group) conditions.push(Prisma.sql`n."groupId" = ${query.group}::uuid`);
  if (query.visibility) conditions.push(Prisma.sql`n."visibility" = ${query.visibility}::"NoteVisibility"`);
  if (query.entry) conditions.push(Prisma.sql`n."referenceEntryId" = ${query.entry}`);
  if (query.paragraph) {
    conditions.push(
      Prisma.sql`n."paragraphId" = (SELECT p."id" FROM "Paragraph" p WHERE p."documentId" = ${documentId}::uuid AND p."anchorId" = ${query.paragraph})`,
    );
  }
  return conditions;
}

export const all = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);
