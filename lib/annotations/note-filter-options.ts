import type { PrismaClient } from "../db/create-prisma-client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { contextOf, type Reader } from "../request/request-context";
import { visibleToReader } from "../search/search-conditions";

/** How many recent notes the tag choices are drawn from: enough for the common tags, cheap at 100,000 notes. */
const TAG_SAMPLE = 2000;
const MAX_TAGS = 40;
const MAX_AUTHORS = 100;

export type NoteFilterOptions = { authors: { id: string; name: string }[]; tags: string[] };

/**
 * The authors and tags a reader can filter the letter's notes by: only those of live notes the reader may see
 * (the policy's "note:read" in its SQL form), in one statement: the most prolific authors, and the most used tags
 * of the most recent notes.
 */
export async function noteFilterOptions(prisma: PrismaClient, who: Reader, which: string | DocumentRef): Promise<NoteFilterOptions> {
  const [document, { actor, reader }] = await Promise.all([documentRefOf(prisma, which), contextOf(prisma, who)]);
  const [row] = await prisma.$queryRaw<{ authors: { id: string; name: string }[]; tags: string[] }[]>`
    WITH visible AS (
      SELECT n."authorId", n."tags", n."createdAt" FROM "Note" n
      WHERE n."documentId" = ${document.id}::uuid AND n."threadId" IS NULL AND ${visibleToReader(actor, reader)}
    ),
    authors AS (
      SELECT v."authorId" AS id, count(*) AS notes FROM visible v GROUP BY v."authorId" ORDER BY notes DESC, id LIMIT ${MAX_AUTHORS}
    ),
    tags AS (
      SELECT tag, count(*) AS uses FROM (SELECT "tags" FROM visible ORDER BY "createdAt" DESC LIMIT ${TAG_SAMPLE}) recent, unnest(recent."tags") AS tag
      GROUP BY tag ORDER BY uses DESC, tag LIMIT ${MAX_TAGS}
    )
    SELECT
      COALESCE((SELECT json_agg(json_build_object('id', u."id", 'name', u."displayName")) FROM authors a JOIN "User" u ON u."id" = a.id), '[]'::json) AS "authors",
      COALESCE((SELECT json_agg(tag) FROM tags), '[]'::json) AS "tags"`;
  return {
    authors: [...row.authors].sort((a, b) => a.name.localeCompare(b.name)),
    tags: [...row.tags].sort(),
  };
}
