import { z } from "zod";
import { defineEndpoint } from "../http/endpoint-contract";
import { MAX_IMPORT_BYTES } from "./import-item";
import { ZImportQuery, ZImportReport } from "./import-schemas";

/** What a file may be, described rather than checked here: the import reads and recognises it (lib/imports/parse-import-file.ts). */
const ZImportFile = z.unknown().meta({
  description:
    "A W3C Web Annotation file (an AnnotationCollection, an AnnotationPage, an array or a single Annotation; Marginalia's own exports are of this kind), " +
    "a Hypothesis export, or a Recogito Studio export: at most 20 MB, 10,000 annotations and 32 levels of nesting.",
});

export const IMPORT_ANNOTATIONS = defineEndpoint({
  method: "POST",
  path: "/api/documents/{slug}/imports",
  operationId: "importAnnotations",
  summary: "Import a file of annotations, or preview where they would land",
  description:
    "The body is the file. With dryRun=1 nothing is written and the answer says where each annotation would land and what would wait for review; " +
    "without it the import happens in one transaction, counted as one write against the writer's rate limit (429 past it), and is audited. " +
    "An untrusted writer's public notes, or a plain member's in a premoderated group, wait for review as one entry per batch.",
  tag: "Imports",
  security: "token-or-session",
  params: z.strictObject({ slug: z.string().describe("The document's slug") }),
  query: ZImportQuery,
  body: { schema: ZImportFile, mediaTypes: ["application/ld+json", "application/json"], maxBytes: MAX_IMPORT_BYTES },
  responses: { 200: { description: "Per annotation where it lands (or would), and the counts", schema: ZImportReport, headers: { "Cache-Control": "no-store" } } },
  errors: [400, 401, 403, 404, 413, 415, 429],
});
