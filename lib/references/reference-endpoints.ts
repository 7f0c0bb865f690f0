// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { defineEndpoint } from "../http/endpoint-contract";
import { ZReferenceOptions } from "./reference-options";

export const LIST_REFERENCE_OPTIONS = defineEndpoint({
  method: "GET",
  path: "/api/references",
  operationId: "listReferenceOptions",
  summary: "The reference index's entries, for linking a note to them",
  description: "Every entry with its spellings, alphabetically: what the note composer needs to offer the entries a passage mentions. The same for every reader, so shared caches keep it for five minutes.",
  tag: "Search",
  security: "public",
  sameForEveryone: true,
  responses: { 200: { description: "The entries", schema: ZReferenceOptions, headers: { "Cache-Control": "public, max-age=300" } } },
  errors: [400, 401],
});
