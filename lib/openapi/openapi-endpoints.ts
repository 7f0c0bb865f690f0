import { z } from "zod";
import { defineEndpoint } from "../http/endpoint-contract";

export const GET_OPENAPI = defineEndpoint({
  method: "GET",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This description of the API (OpenAPI 3.1)",
  tag: "Service",
  security: "public",
  responses: {
    200: {
      description: "The OpenAPI document, generated from the schemas the routes answer through",
      schema: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
    },
  },
  errors: [400],
});
