import type { PrismaClient } from "../db/create-prisma-client";
import { documentRefOf, type DocumentRef } from "../documents/document-ref";
import { contextOf, type Reader } from "../request/request-context";
import { Prisma } from "../db/generated/client";
import { isReadableRow, toNoteResource } from "../annotations/note-access";
import { noteMarkdownToText } from "../markdown/note-markdown-to-text";
import { decodeSearchCursor, encodeSearchCursor } from "./search-cursor";
import { all, hasReferenceType, hasTag, matchesText, otherFilters, rankOf, tsQuery, visibleToReader } from "./search-conditions";
import type { TNoteSearchQuery } from "./search-schemas";
import type { FacetCount, SearchPage, SearchResult } from "./search-types";
import { MARK_START, MARK_STOP, headlineToHtml, stripMarkers } from "./snippet-html";

const TOP_TAGS = 20;
// A short text is shown whole with every match marked; a long one as fragments around its matches (fragment mode
// drops a text's last word, so it is kept for texts that need cutting). ShortWord=0: fragments are not trimmed.
const SHORT_TEXT = 300;
const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}`;
const WHOLE = `${MARKS}, HighlightAll=true`;
const BODY_FRAGMENTS = `${MARKS}, ShortWord=0, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
const QUOTE_FRAGMENT = `${MARKS}, ShortWord=0, MaxFragments=1, MaxWords=40, MinWords=20`;

type HitRow = {
  id: string;
  threadId: string | null;
  paragraph: string | null;
  paragraphId: string;
  assignmentId: string | null;
  referenceType: string;
  visibility: "private" | "group" | "public";
  moderationStatus: "approved" | "pending" | "hidden" | "spam";
  threadStatus: "approved" | "pending" | "hidden" | "spam" | null;
  deletedAt: Date | null;
  authorId: string;
  authorName: string;
  groupId: string | null;
  groupName: string | null;
  tags: string[];
  createdAt: Date;
  body: string;
  quoteExact: string | null;
  rank: number;
};

type FacetRow = { total: number; referenceType: FacetCount[]; tag: FacetCount[] };

/**
 * Full-text search over a document's notes and replies, returning only what the reader may see: the visibility rule
 * is part of the SQL (so totals and facets count visible notes only) and every returned row is checked by the policy.
 * Results come best first (ts_rank_cd: body words weigh more than the quoted passage; a tag has no position, so a
 * match on a tag alone ranks 0, last). The text match goes through the GIN index; the visibility test is a cheap
 * filter on the rows it finds.
 */
export async function searchNotes(prisma: PrismaClient, who: Reader, which: string | DocumentRef, query: TNoteSearchQuery): Promise<SearchPage> {
  const after = query.cursor ? decodeSearchCursor(query.cursor) : null;
  const [document, { actor, reader }] = await Promise.all([documentRefOf(prisma, which), contextOf(prisma, who)]);

  const base = [matchesText(query.q), visibleToReader(actor, reader), ...otherFilters(document.id, query)];
  const typeFilter = query.referenceType ? hasReferenceType(query.referenceType) : Prisma.sql`TRUE`;
  const tagFilter = query.tag ? hasTag(query.tag) : Prisma.sql`TRUE`;
  const rank = rankOf(query.q);
  const afterCursor = after
    ? Prisma.sql`(${rank} < ${after.rank}::real OR (${rank} = ${after.rank}::real AND n."id" > ${after.id}::uuid))`
    : Prisma.sql`TRUE`;

  // Two statements, run side by side: the page of hits (ranked over the ids alone; the rest is joined for that page
  // only) and the counts (one pass over the visible matches, without the type and tag filters, which each count
  // applies as it needs, so that each facet leaves out its own filter).
  const [hits, [facets]] = await Promise.all([
    prisma.$queryRaw<HitRow[]>`
      SELECT n."id", n."threadId", p."anchorId" AS "paragraph", n."paragraphId", n."assignmentId", n."referenceType"::text AS "referenceType",
             n."visibility"::text AS "visibility", n."moderationStatus"::text AS "moderationStatus", n."deletedAt",
             n."threadStatus"::text AS "threadStatus",
             n."authorId", u."displayName" AS "authorName", n."groupId", g."name" AS "groupName", n."tags",
             n."createdAt", n."body", n."quoteExact", top."rank"
      FROM (
        SELECT n."id", ${rank} AS "rank" FROM "Note" n
        WHERE ${all(base)} AND ${typeFilter} AND ${tagFilter} AND ${afterCursor}
        ORDER BY "rank" DESC, n."id" ASC
        LIMIT ${query.limit + 1}
      ) top
      JOIN "Note" n ON n."id" = top."id"
      JOIN "Paragraph" p ON p."id" = n."paragraphId"
      JOIN "User" u ON u."id" = n."authorId"
      LEFT JOIN "Group" g ON g."id" = n."groupId"
      ORDER BY top."rank" DESC, top."id" ASC`,
    prisma.$queryRaw<FacetRow[]>`
      WITH matched AS MATERIALIZED (
        SELECT n."referenceType", n."tags" FROM "Note" n WHERE ${all(base)}
      ), types AS (
        SELECT n."referenceType"::text AS "value", count(*) FILTER (WHERE ${tagFilter})::int AS "count",
               count(*) FILTER (WHERE ${typeFilter} AND ${tagFilter})::int AS "total"
        FROM matched n GROUP BY n."referenceType"
      ), tags AS (
        SELECT t."value", count(*)::int AS "count"
        FROM (SELECT unnest(n."tags") AS "value" FROM matched n WHERE ${typeFilter}) t
        GROUP BY t."value" ORDER BY count(*) DESC, t."value" LIMIT ${TOP_TAGS}
      )
      SELECT (SELECT coalesce(sum("total"), 0)::int FROM types) AS "total",
             (SELECT coalesce(json_agg(json_build_object('value', "value", 'count', "count") ORDER BY "count" DESC, "value")
                       FILTER (WHERE "count" > 0), '[]'::json) FROM types) AS "referenceType",
             (SELECT coalesce(json_agg(json_build_object('value', "value", 'count', "count") ORDER BY "count" DESC, "value"), '[]'::json)
                FROM tags) AS "tag"`,
  ]);

  // The SQL already filters by visibility; the policy has the last word on every row.
  const visible = hits.filter((hit) =>
    isReadableRow(actor, toNoteResource({ ...hit, thread: hit.threadStatus ? { moderationStatus: hit.threadStatus } : null }, reader), hit.id, "search-notes"),
  );
  const page = visible.slice(0, query.limit);
  const last = hits.length > query.limit ? hits[query.limit - 1] : null;
  const snippets = await highlight(prisma, query.q, page);
  return {
    results: page.map((hit, index) => toResult(document.slug, hit, snippets[index])),
    facets: { referenceType: facets.referenceType, tag: facets.tag },
    total: facets.total,
    nextCursor: last ? encodeSearchCursor(last.rank, last.id) : null,
  };
}

/**
 * Headlines over the text a reader sees (the body's Markdown reduced to plain text, and the quoted passage), computed
 * only for the page of results; markers are stripped from the text first so only ts_headline can place them.
 */
async function highlight(prisma: PrismaClient, q: string, hits: HitRow[]): Promise<{ body: string; quote: string | null }[]> {
  if (hits.length === 0) return [];
  const rows = Prisma.join(
    hits.map(
      (hit, index) =>
        Prisma.sql`(${index}::int, ${stripMarkers(noteMarkdownToText(hit.body))}::text, ${hit.quoteExact === null ? null : stripMarkers(hit.quoteExact)}::text)`,
    ),
  );
  const headlines = await prisma.$queryRaw<{ index: number; body: string; quote: string | null }[]>`
    SELECT t."index",
           ts_headline('english', t."body", ${tsQuery(q)}, CASE WHEN length(t."body") <= ${SHORT_TEXT} THEN ${WHOLE} ELSE ${BODY_FRAGMENTS} END) AS "body",
           CASE WHEN t."quote" IS NULL THEN NULL
                ELSE ts_headline('english', t."quote", ${tsQuery(q)}, CASE WHEN length(t."quote") <= ${SHORT_TEXT} THEN ${WHOLE} ELSE ${QUOTE_FRAGMENT} END)
           END AS "quote"
    FROM (VALUES ${rows}) AS t("index", "body", "quote")
    ORDER BY t."index"`;
  return headlines;
}

function toResult(slug: string, hit: HitRow, headline: { body: string; quote: string | null }): SearchResult {
  const target = hit.threadId ?? hit.id;
  return {
    id: hit.id,
    threadId: hit.threadId,
    paragraph: hit.paragraph ?? "",
    referenceType: hit.referenceType,
    visibility: hit.visibility,
    group: hit.groupId && hit.groupName !== null ? { id: hit.groupId, name: hit.groupName } : null,
    author: { id: hit.authorId, displayName: hit.authorName },
    tags: hit.tags,
    createdAt: hit.createdAt.toISOString(),
    snippetHtml: headlineToHtml(headline.body),
    quoteHtml: headline.quote === null ? null : headlineToHtml(headline.quote),
    rank: hit.rank,
    permalink: `/letters/${encodeURIComponent(slug)}?note=${target}#note-${target}`,
  };
}
