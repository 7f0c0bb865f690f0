import { z } from "zod";
import { ZNotePage } from "../annotations/note-view";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZDocumentData, ZDocumentList } from "./document-data";

const ZSlugPath = z.strictObject({ slug: z.string().describe("The document's slug, e.g. reply-to-stalin") });

export const LIST_DOCUMENTS = defineEndpoint({
  method: "GET",
  path: "/api/documents",
  operationId: "listDocuments",
  summary: "Every document of the site",
  description: "Public, like the texts: each with its text revision and the address of its full text.",
  tag: "Documents",
  security: "public",
  sameForEveryone: true,
  responses: { 200: { description: "The documents, by title", schema: ZDocumentList, headers: { "Cache-Control": "public, max-age=60" } } },
  errors: [400],
});

export const GET_DOCUMENT = defineEndpoint({
  method: "GET",
  path: "/api/documents/{slug}",
  operationId: "getDocument",
  summary: "A document's facts and every block exactly as stored",
  description:
    "The text every anchor, passage and offset counts in (Unicode code points), with each block's content hash and footnote marks. " +
    "The ETag names the text revision: send it back as If-None-Match for a 304 while the text is unchanged.",
  tag: "Documents",
  security: "public",
  sameForEveryone: true,
  conditional: true,
  params: ZSlugPath,
  responses: {
    200: {
      description: "The document",
      schema: ZDocumentData,
      headers: { ETag: 'The text revision, "text-<n>"', "Cache-Control": "public, max-age=0, must-revalidate" },
    },
    304: { description: "The text is unchanged since the If-None-Match revision", headers: { ETag: 'The text revision, "text-<n>"' } },
  },
  errors: [400, 404],
});

export const EXPORT_ANNOTATIONS = defineEndpoint({
  method: "GET",
  path: "/api/documents/{slug}/annotations.jsonld",
  operationId: "exportAnnotations",
  summary: "Download notes as one W3C AnnotationCollection",
  description:
    "Everything the reader wrote on the document (private notes included); with group=<id> a group's notes, for its members; with scope=all every note " +
    "and reply the reader may read (anonymous readers too). Streamed as JSON-LD. 401 for scope=mine without a signed-in reader.",
  tag: "Documents",
  security: "public",
  params: ZSlugPath,
  query: z
    .strictObject({
      group: z.uuid("Not a group id").optional().describe("A group of the reader's: its notes"),
      scope: z.enum(["mine", "all"], "The scope is mine or all").default("mine").describe("mine: the reader's own notes; all: every note the reader may read"),
    })
    .refine((query) => !(query.group && query.scope === "all"), { message: "Choose a group or scope=all, not both", path: ["scope"] }),
  responses: {
    200: {
      description: "A W3C Web Annotation AnnotationCollection (JSON-LD, the anno.jsonld profile), as a download",
      mediaType: "application/ld+json",
      headers: { "Content-Disposition": "attachment, with a dated file name", "Cache-Control": "private, no-store" },
    },
  },
  errors: [400, 401, 404],
});

export const LIST_ORPHANED_NOTES = defineEndpoint({
  method: "GET",
  path: "/api/documents/{slug}/orphans",
  operationId: "listOrphanedNotes",
  summary: "Notes that lost their passage",
  description: "The notes the reader may see whose passage a correction of the text removed; one page, never a cursor.",
  tag: "Documents",
  security: "public",
  params: ZSlugPath,
  responses: { 200: { description: "The orphaned notes", schema: ZNotePage, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 404],
});

/**
 * For `npm run bench` only, absent (404) unless BENCH_SQL_FILE is set: the notes API's pg baseline
 * (app/api/bench/notes-sql/route.ts). Described so that the document covers every route the app serves.
 */
export const BENCH_NOTES_SQL = defineEndpoint({
  method: "GET",
  path: "/api/bench/notes-sql",
  operationId: "benchNotesSql",
  summary: "The notes API's baseline for the benchmark (absent in production)",
  description:
    "Sends the statements one notes API request sent, captured by `npm run bench`, straight through pg and answers that request's body, " +
    "so that the benchmark can say what Prisma, the policy and the schemas cost. 404 unless the server was started with BENCH_SQL_FILE.",
  tag: "Service",
  security: "public",
  // The baseline replays the captured session check itself: the route reads no session of its own.
  sameForEveryone: true,
  query: z.object({ request: z.string().optional().describe("The name of a captured request") }),
  responses: { 200: { description: "The captured request's answer, byte for byte", schema: ZNotePage, headers: { "Cache-Control": "private, no-store" } } },
  errors: [400, 404],
});
